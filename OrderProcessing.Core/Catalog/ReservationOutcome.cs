namespace OrderProcessing.Core.Catalog;

/// <summary>What a reservation request did.</summary>
public enum ReservationOutcome
{
    /// <summary>Units moved from available to reserved for this order now.</summary>
    Reserved,

    /// <summary>This order already holds this reservation: nothing changed.</summary>
    AlreadyReserved,

    /// <summary>Not enough units available: nothing changed.</summary>
    InsufficientStock,

    /// <summary>The product does not exist: nothing changed.</summary>
    UnknownProduct,

    /// <summary>This order's reservation of the product was already released or shipped; it is never taken again.</summary>
    AlreadySettled,
}
