using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Resources;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>
/// The limits on a body sent to a route that takes one, checked before an endpoint reads it: at most
/// <see cref="ApiOptions.MaxBodyBytes"/> (else <c>413</c>) and JSON in UTF-8 (else <c>415</c> with <c>Accept</c>).
/// </summary>
internal sealed class RequestLimits(IApiStep next) : IApiStep
{
    public ValueTask<HttpResult> InvokeAsync(ApiExchange exchange) =>
        exchange.Endpoint is { Route.TakesBody: true } && exchange.Request.HasBody && Reject(exchange.Request) is { } rejected
            ? new ValueTask<HttpResult>(rejected)
            : next.InvokeAsync(exchange);

    private static HttpResult? Reject(ApiRequest request)
    {
        var length = request.BodyLength();
        if (length > ApiOptions.MaxBodyBytes)
        {
            return HttpResult.Problem(413, ProblemTypes.PayloadTooLarge, "Body too large", $"The body is {length} bytes; at most {ApiOptions.MaxBodyBytes} are accepted.", request);
        }

        return JsonMediaType.Problem(request.Header("Content-Type")) is { } problem
            ? HttpResult.Problem(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", problem, request).With("Accept", "application/json")
            : null;
    }
}
