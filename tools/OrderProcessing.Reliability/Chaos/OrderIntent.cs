using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>One order a client means to place, with what the run expects of it.</summary>
internal sealed record OrderIntent(
    int Index,
    string IdempotencyKey,
    PlaceOrderRequest Request,
    bool OverLimit,
    bool HasScarceLine,
    CancelPlan? Cancel)
{
    /// <summary>The payment token sent.</summary>
    public string Token => Request.PaymentToken!;
}
