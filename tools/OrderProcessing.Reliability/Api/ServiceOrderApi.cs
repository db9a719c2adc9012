using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Api;

/// <summary>
/// The API's use cases called directly on <see cref="OrderService"/>, with the contract's mapping (a replay answers the
/// first 201 again; 400, 404, 409, 503 for transient failures, 500 for anything else). Used where the Lambda handler
/// is not the subject.
/// </summary>
internal sealed class ServiceOrderApi(OrderService service) : IOrderApi
{
    public Task<ApiResult> PlaceAsync(PlaceOrderRequest request, string idempotencyKey, CancellationToken cancellationToken = default) =>
        CallAsync(async () =>
        {
            var result = await service.PlaceAsync(request, idempotencyKey, cancellationToken).ConfigureAwait(false);
            return new ApiResult(201, result.Order.OrderId, result.Order.Status, null, result.Replayed);
        });

    public Task<ApiResult> CancelAsync(string orderId, CancellationToken cancellationToken = default) =>
        CallAsync(async () =>
        {
            var order = await service.CancelAsync(orderId, "cancelled by the chaos client", cancellationToken).ConfigureAwait(false);
            return new ApiResult(200, order.OrderId, order.Status, null);
        });

    public Task<ApiResult> DeleteAsync(string orderId, CancellationToken cancellationToken = default) =>
        CallAsync(async () =>
        {
            await service.DeleteAsync(orderId, cancellationToken).ConfigureAwait(false);
            return new ApiResult(204, orderId, null, null);
        });

    public Task<ApiResult> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        CallAsync(async () =>
        {
            var order = await service.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
            return new ApiResult(200, order.OrderId, order.Status, null);
        });

    private static async Task<ApiResult> CallAsync(Func<Task<ApiResult>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ValidationException e)
        {
            return new ApiResult(400, null, null, e.Message);
        }
        catch (NotFoundException e)
        {
            return new ApiResult(404, null, null, e.Message);
        }
        catch (ConflictException e)
        {
            return new ApiResult(409, null, null, e.Message);
        }
        catch (TransientFailureException e)
        {
            return new ApiResult(503, null, null, e.Message);
        }
#pragma warning disable CA1031 // The API answers 500 to anything unexpected; the client decides whether to retry.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ApiResult(500, null, null, $"{e.GetType().Name}: {e.Message}");
        }
    }
}
