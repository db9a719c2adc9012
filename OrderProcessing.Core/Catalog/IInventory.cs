namespace OrderProcessing.Core.Catalog;

/// <summary>
/// Storage port for stock. Reservations are recorded per (order, product) and each change is one atomic, conditional
/// step, so a repeated request never takes or returns stock twice and available stock never goes negative.
/// </summary>
public interface IInventory
{
    /// <summary>Reserves <paramref name="quantity"/> units for the order, once.</summary>
    Task<ReservationOutcome> ReserveAsync(string orderId, string productId, int quantity, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns the order's reserved (or shipped, for a shipment that was cancelled) units to available stock. True if
    /// stock moved now; false if the order holds nothing of the product (never reserved, or already released).
    /// </summary>
    Task<bool> ReleaseAsync(string orderId, string productId, CancellationToken cancellationToken = default);

    /// <summary>Moves the order's reserved units to shipped. True if stock moved now; false if nothing was reserved or it already shipped.</summary>
    Task<bool> ShipAsync(string orderId, string productId, CancellationToken cancellationToken = default);

    /// <summary>The product's counters, or null if it does not exist.</summary>
    Task<StockLevel?> GetStockAsync(string productId, CancellationToken cancellationToken = default);
}
