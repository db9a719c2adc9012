namespace OrderProcessing.Functions.Api.Routing;

/// <summary>One path template and the endpoints bound to it, one per method, with its <c>Allow</c> value made once.</summary>
internal sealed class RoutePath
{
    public RoutePath(string template, IReadOnlyList<RouteBinding> endpoints)
    {
        Template = template;
        Segments = [.. endpoints[0].Route.Segments];
        Endpoints = [.. endpoints];
        AllowHeader = string.Join(", ", endpoints.Select(e => e.Route.Method).Append("OPTIONS"));
        ParameterNames = [.. Segments.Select(s => IsParameter(s) ? s[1..^1] : null)];
        ParameterCount = ParameterNames.Count(n => n is not null);
    }

    /// <summary>The template, <c>/orders/{orderId}</c>.</summary>
    public string Template { get; }

    /// <summary>The template's segments; parameters keep their braces.</summary>
    public string[] Segments { get; }

    /// <summary>The methods the path allows, for <c>Allow</c>, <c>OPTIONS</c> included.</summary>
    public string AllowHeader { get; }

    /// <summary>Per segment, the parameter's name without braces, or null for a literal segment.</summary>
    public string?[] ParameterNames { get; }

    /// <summary>How many segments are parameters.</summary>
    public int ParameterCount { get; }

    private RouteBinding[] Endpoints { get; }

    /// <summary>The endpoint for <paramref name="method"/>, or null when the path does not allow it.</summary>
    public RouteBinding? For(string method)
    {
        foreach (var endpoint in Endpoints)
        {
            if (string.Equals(endpoint.Route.Method, method, StringComparison.Ordinal))
            {
                return endpoint;
            }
        }

        return null;
    }

    /// <summary>Whether a template segment is a parameter (<c>{orderId}</c>).</summary>
    public static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');
}
