using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Routing;

/// <summary>An endpoint bound to the topology's route it serves.</summary>
internal sealed class RouteBinding(ApiRoute route, Func<ApiCall, Task<HttpResult>> handle)
{
    /// <summary>The route, one of <see cref="SystemTopology.Routes"/>.</summary>
    public ApiRoute Route { get; } = route;

    /// <summary>Answers a call on the route.</summary>
    public Func<ApiCall, Task<HttpResult>> Handle { get; } = handle;

    /// <summary>The route's key (<c>GET /orders/{orderId}</c>), made once: its name in logs and metrics.</summary>
    public string Key { get; } = route.Key;
}
