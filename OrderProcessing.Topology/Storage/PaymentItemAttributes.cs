namespace OrderProcessing.Topology.Storage;

/// <summary>Attribute names of a payment item, one per order: the attempt counter and the first completed outcome.</summary>
public static class PaymentItemAttributes
{
    /// <summary>Table partition key (S).</summary>
    public const string OrderId = "orderId";

    /// <summary>Attempts counted so far (N).</summary>
    public const string Attempts = "attempts";

    /// <summary>Gateway payment id (S; absent until an attempt completes).</summary>
    public const string PaymentId = "paymentId";

    /// <summary>Amount (N).</summary>
    public const string Amount = "amount";

    /// <summary>ISO 4217 code of <see cref="Amount"/> (S).</summary>
    public const string Currency = "currency";

    /// <summary><c>CAPTURED</c>, <c>DECLINED</c> or <c>REFUNDED</c> (S; absent until an attempt completes).</summary>
    public const string Status = "paymentStatus";

    /// <summary>The gateway's reason (S).</summary>
    public const string Reason = "reason";

    /// <summary>When the outcome was recorded, UTC ISO 8601 (S).</summary>
    public const string At = "at";

    /// <summary>When a capture was refunded, UTC ISO 8601 (S; absent otherwise).</summary>
    public const string RefundedAt = "refundedAt";
}
