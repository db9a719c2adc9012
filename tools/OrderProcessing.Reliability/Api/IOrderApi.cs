using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Api;

/// <summary>The HTTP API as the chaos run's clients use it: through the real Lambda handler, or straight through <see cref="OrderService"/>.</summary>
internal interface IOrderApi
{
    /// <summary><c>POST /orders</c> with an <c>Idempotency-Key</c>.</summary>
    Task<ApiResult> PlaceAsync(PlaceOrderRequest request, string idempotencyKey, CancellationToken cancellationToken = default);

    /// <summary><c>POST /orders/{orderId}/cancel</c>.</summary>
    Task<ApiResult> CancelAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /orders/{orderId}</c>.</summary>
    Task<ApiResult> DeleteAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /orders/{orderId}</c>.</summary>
    Task<ApiResult> GetAsync(string orderId, CancellationToken cancellationToken = default);
}
