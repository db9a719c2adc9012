namespace OrderProcessing.Core.Payments;

/// <summary>What a refund did.</summary>
public enum RefundResult
{
    /// <summary>The capture was refunded now.</summary>
    Refunded,

    /// <summary>It had been refunded before; nothing changed.</summary>
    AlreadyRefunded,

    /// <summary>Nothing was captured for the order; nothing changed.</summary>
    NothingCaptured,
}
