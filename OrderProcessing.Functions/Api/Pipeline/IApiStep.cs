using OrderProcessing.Functions.Api.Http;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>
/// One part of the API function's chain: it answers the exchange itself or passes it on to the part it was made with.
/// A part that finishes synchronously costs no allocation (<see cref="ValueTask{TResult}"/>).
/// </summary>
internal interface IApiStep
{
    /// <summary>The response to <paramref name="exchange"/>.</summary>
    ValueTask<HttpResult> InvokeAsync(ApiExchange exchange);
}
