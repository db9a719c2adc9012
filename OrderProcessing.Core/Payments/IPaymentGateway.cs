using OrderProcessing.Core.Common;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Payments;

/// <summary>
/// The payment port. Charges are idempotent per order: charging an order again returns the first outcome. A transient
/// failure throws <see cref="TransientFailureException"/> so the caller retries. A real gateway plugs in here.
/// </summary>
public interface IPaymentGateway
{
    /// <summary>Captures <paramref name="amount"/> for the order with the payment method <paramref name="paymentToken"/>.</summary>
    Task<ChargeResult> ChargeAsync(string orderId, string paymentToken, Money amount, CancellationToken cancellationToken = default);

    /// <summary>Refunds the order's capture, once.</summary>
    Task<RefundResult> RefundAsync(string orderId, CancellationToken cancellationToken = default);
}
