using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Routing;
using OrderProcessing.Functions.Observability;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>Telemetry of every request: one log line naming the route and status, and the latency metric by route.</summary>
internal sealed class RequestTelemetry : IApiStep
{
    private readonly Telemetry _telemetry;
    private readonly IApiStep _next;

    // Metric dimensions of each bound endpoint, made once (unmatched paths and methods are not cached: clients choose them).
    private readonly Dictionary<RouteBinding, IReadOnlyDictionary<string, string>> _dimensions;

    public RequestTelemetry(Telemetry telemetry, IReadOnlyList<RouteBinding> endpoints, IApiStep next)
    {
        _telemetry = telemetry;
        _next = next;
        _dimensions = new Dictionary<RouteBinding, IReadOnlyDictionary<string, string>>(endpoints.Count);
        foreach (var endpoint in endpoints)
        {
            _dimensions[endpoint] = new Dictionary<string, string>(1, StringComparer.Ordinal) { ["Route"] = endpoint.Key };
        }
    }

    public async ValueTask<HttpResult> InvokeAsync(ApiExchange exchange)
    {
        var started = _telemetry.Clock.GetTimestamp();
        var result = await _next.InvokeAsync(exchange).ConfigureAwait(false);
        var elapsed = _telemetry.Clock.GetElapsedTime(started).TotalMilliseconds;
        var request = exchange.Request;
        var routeName = exchange.RouteName;
        var fields = exchange.LogFields(routeName);
        fields["status"] = result.StatusCode;
        fields["latencyMs"] = elapsed;

        // The route name already starts with the method (GET /products, OPTIONS /orders), except for a path no route matches.
        var answered = exchange.Match is null ? $"{request.Method} {routeName}" : routeName;
        _telemetry.Log(result.StatusCode >= 500 ? LogLevel.Error : LogLevel.Info, $"{answered} answered {result.StatusCode}.", request.RequestId, exchange.OrderId, fields);
        _telemetry.Metrics(
            exchange.Endpoint is { } endpoint ? _dimensions[endpoint] : new Dictionary<string, string>(1, StringComparer.Ordinal) { ["Route"] = routeName },
            [Metric.Milliseconds("ApiLatency", elapsed)],
            new Dictionary<string, object?>(2) { ["statusCode"] = result.StatusCode, ["requestId"] = request.RequestId });
        return result;
    }
}
