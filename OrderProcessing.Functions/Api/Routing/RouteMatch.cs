namespace OrderProcessing.Functions.Api.Routing;

/// <summary>The path a request matched and the values of its parameters.</summary>
internal sealed class RouteMatch(RoutePath path, IReadOnlyDictionary<string, string> parameters)
{
    /// <summary>The matched template and its endpoints.</summary>
    public RoutePath Path { get; } = path;

    /// <summary>The path's parameter values by name (<c>orderId</c>).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; } = parameters;
}
