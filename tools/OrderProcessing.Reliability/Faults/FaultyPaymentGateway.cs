using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="IPaymentGateway"/>: a lost answer after a capture is the classic double-charge trap.</summary>
internal sealed class FaultyPaymentGateway(IPaymentGateway inner, PortFaults faults) : IPaymentGateway
{
    public Task<ChargeResult> ChargeAsync(string orderId, string paymentToken, Money amount, CancellationToken cancellationToken = default) =>
        faults.ExternalAsync("gateway.charge", orderId, () => inner.ChargeAsync(orderId, paymentToken, amount, cancellationToken));

    public Task<RefundResult> RefundAsync(string orderId, CancellationToken cancellationToken = default) =>
        faults.ExternalAsync("gateway.refund", orderId, () => inner.RefundAsync(orderId, cancellationToken));
}
