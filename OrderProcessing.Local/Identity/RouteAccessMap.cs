using OrderProcessing.Topology;

namespace OrderProcessing.Local.Identity;

/// <summary>
/// Which declared route a request is for, to know whether the authorizer guards it, as API Gateway knows it from the
/// resource and method that matched. A literal segment wins over a parameter (<c>/customers/me/orders</c> over
/// <c>/customers/{customerId}/orders</c>), as in API Gateway. A request no route matches is the function's to answer
/// (<c>404</c> or <c>405</c>), so it is not guarded here.
/// </summary>
public sealed class RouteAccessMap(IReadOnlyList<ApiRoute> routes)
{
    /// <summary>The route <paramref name="method"/> on <paramref name="path"/> is for, or null when none matches.</summary>
    public ApiRoute? Find(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        ApiRoute? best = null;
        var bestLiterals = -1;
        foreach (var route in routes)
        {
            if (!string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase) || route.Segments.Count != segments.Length)
            {
                continue;
            }

            var literals = 0;
            var matches = true;
            for (var i = 0; i < segments.Length && matches; i++)
            {
                var template = route.Segments[i];
                if (template.StartsWith('{'))
                {
                    continue;
                }

                matches = string.Equals(template, segments[i], StringComparison.Ordinal);
                literals++;
            }

            if (matches && literals > bestLiterals)
            {
                best = route;
                bestLiterals = literals;
            }
        }

        return best;
    }
}
