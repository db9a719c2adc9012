namespace OrderProcessing.Core.Payments;

/// <summary>The state of an order's payment at the gateway.</summary>
public enum PaymentStatus
{
    /// <summary>Money taken.</summary>
    Captured,

    /// <summary>The gateway refused.</summary>
    Declined,

    /// <summary>A capture was given back.</summary>
    Refunded,
}
