using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Routing;

/// <summary>The routes declared for a request's path (one per method) and the path's parameter values.</summary>
internal sealed record RouteMatch(IReadOnlyList<ApiRoute> Routes, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>The route for <paramref name="method"/>, or null when the path does not allow it.</summary>
    public ApiRoute? For(string method) => Routes.FirstOrDefault(r => r.Method == method);

    /// <summary>The methods the path allows, for <c>Allow</c>, <c>OPTIONS</c> included.</summary>
    public string AllowHeader => string.Join(", ", Routes.Select(r => r.Method).Append("OPTIONS"));
}
