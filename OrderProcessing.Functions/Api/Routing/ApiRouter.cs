using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Pipeline;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Routing;

/// <summary>
/// Routing: resolves a request to its bound endpoint through a table built once, and, as the last part of the chain,
/// calls it; an unknown path is a <c>404</c>, a method the path does not declare a <c>405</c> with <c>Allow</c>. The
/// endpoints must serve exactly the declared routes, one each, or the router cannot be made.
/// </summary>
internal sealed class ApiRouter : IApiStep
{
    private readonly RouteTable _table;

    /// <param name="declared">The routes to serve (<see cref="SystemTopology.ApiRoutes"/>).</param>
    /// <param name="endpoints">One endpoint bound to each declared route.</param>
    /// <exception cref="InvalidOperationException">An endpoint's route is not declared or is bound twice, or a declared route has no endpoint.</exception>
    public ApiRouter(IReadOnlyList<ApiRoute> declared, IReadOnlyList<RouteBinding> endpoints)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(endpoints);
        var declaredSet = declared.ToHashSet();
        var bound = new Dictionary<ApiRoute, RouteBinding>(endpoints.Count);
        var undeclared = new List<string>();
        var twice = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (!declaredSet.Contains(endpoint.Route))
            {
                undeclared.Add(endpoint.Key);
            }
            else if (!bound.TryAdd(endpoint.Route, endpoint))
            {
                twice.Add(endpoint.Key);
            }
        }

        var unserved = declared.Where(r => !bound.ContainsKey(r)).Select(r => r.Key).ToList();
        if (undeclared.Count > 0 || twice.Count > 0 || unserved.Count > 0)
        {
            throw new InvalidOperationException(
                $"The API function and the topology disagree: endpoints without a route [{string.Join(", ", undeclared)}], " +
                $"routes bound twice [{string.Join(", ", twice)}], routes without an endpoint [{string.Join(", ", unserved)}].");
        }

        // In the topology's order, which is the order of each path's Allow header.
        Endpoints = [.. declared.Distinct().Select(r => bound[r])];
        _table = new RouteTable(Endpoints);
    }

    /// <summary>The bound endpoints, one per declared route, in the declared order.</summary>
    public IReadOnlyList<RouteBinding> Endpoints { get; }

    /// <summary>The exchange of <paramref name="request"/> with what routing found for it.</summary>
    public ApiExchange Resolve(ApiRequest request)
    {
        var match = _table.Match(request.Path, request.PathParameters);
        return new ApiExchange(request, match, match?.Path.For(request.Method));
    }

    public ValueTask<HttpResult> InvokeAsync(ApiExchange exchange)
    {
        var request = exchange.Request;
        if (exchange.Match is not { } match)
        {
            return new(HttpResult.Problem(404, ProblemTypes.NotFound, "Not found", $"No route matches {request.Path}.", request));
        }

        if (exchange.Endpoint is not { } endpoint)
        {
            return new(HttpResult.Problem(405, ProblemTypes.MethodNotAllowed, "Method not allowed", $"{request.Method} is not allowed on {request.Path}; see Allow.", request)
                .With("Allow", match.Path.AllowHeader));
        }

        var call = new ApiCall(request, endpoint.Route, match.Parameters, exchange.Caller);
        exchange.Call = call;
        return new(endpoint.Handle(call));
    }
}
