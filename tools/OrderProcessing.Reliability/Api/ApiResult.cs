using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Api;

/// <summary>
/// An HTTP answer as a client sees it: the status code, the order's id and status when the body carried an order, the
/// problem's detail, and whether it replays the first answer to the same Idempotency-Key.
/// </summary>
internal sealed record ApiResult(int StatusCode, string? OrderId, OrderStatus? OrderStatus, string? Detail, bool Replayed = false)
{
    /// <summary>2xx.</summary>
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    /// <summary>5xx: the client may retry.</summary>
    public bool IsServerError => StatusCode >= 500;
}
