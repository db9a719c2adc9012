using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Payments;

/// <summary>The gateway's one record of an order's payment: the outcome of the first completed attempt, and any refund.</summary>
public sealed record PaymentRecord(
    string OrderId,
    string PaymentId,
    Money Amount,
    PaymentStatus Status,
    string Reason,
    DateTimeOffset At,
    DateTimeOffset? RefundedAt);
