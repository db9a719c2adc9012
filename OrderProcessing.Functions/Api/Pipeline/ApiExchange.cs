using OrderProcessing.Functions.Api.Callers;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Routing;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>
/// One request on its way through the chain: the request, what routing found for it (resolved before the chain, since
/// CORS, limits and telemetry all read it) and, once an endpoint runs, its call.
/// </summary>
internal sealed class ApiExchange(ApiRequest request, RouteMatch? match, RouteBinding? endpoint)
{
    public ApiRequest Request { get; } = request;

    /// <summary>The routes declared for the request's path; null when no route has this path.</summary>
    public RouteMatch? Match { get; } = match;

    /// <summary>The endpoint bound to the request's method and path; null when the path is unknown or does not allow the method.</summary>
    public RouteBinding? Endpoint { get; } = endpoint;

    /// <summary>Who calls, once <see cref="AccessPolicy"/> has read it; anonymous before.</summary>
    public Caller Caller { get; set; } = Caller.Anonymous;

    /// <summary>The endpoint's call, once routing has made it.</summary>
    public ApiCall? Call { get; set; }

    /// <summary>The order the request concerns, for logs, once the endpoint knows it.</summary>
    public string? OrderId => Call?.OrderId;

    /// <summary>
    /// The route's name in logs and metrics: its key (<c>GET /orders/{orderId}</c>), the method and path template for a
    /// method the path does not declare, or <c>unmatched</c>, so raw paths never become metric dimensions.
    /// </summary>
    public string RouteName => Endpoint?.Key ?? (Match is null ? "unmatched" : $"{Request.Method} {Match.Path.Template}");

    /// <summary>The request's log context: method, route name and path.</summary>
    public Dictionary<string, object?> LogFields(string routeName) => new(5) // room for the request log line's status and latency
    {
        ["method"] = Request.Method,
        ["route"] = routeName,
        ["path"] = Request.Path,
    };
}
