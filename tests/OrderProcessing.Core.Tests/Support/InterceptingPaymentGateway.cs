using OrderProcessing.Core.Payments;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>A gateway that runs test code just before and just after each charge reaches the real gateway, to stage races.</summary>
public sealed class InterceptingPaymentGateway(IPaymentGateway inner, Func<Task>? beforeCharge = null, Func<Task>? afterCharge = null) : IPaymentGateway
{
    public async Task<ChargeResult> ChargeAsync(string orderId, string paymentToken, Money amount, CancellationToken cancellationToken = default)
    {
        if (beforeCharge is not null)
        {
            await beforeCharge();
        }

        var result = await inner.ChargeAsync(orderId, paymentToken, amount, cancellationToken);
        if (afterCharge is not null)
        {
            await afterCharge();
        }

        return result;
    }

    public Task<RefundResult> RefundAsync(string orderId, CancellationToken cancellationToken = default) => inner.RefundAsync(orderId, cancellationToken);
}
