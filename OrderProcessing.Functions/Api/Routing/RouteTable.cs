using OrderProcessing.Functions.Topology;

namespace OrderProcessing.Functions.Api.Routing;

/// <summary>
/// Matches request paths against the API routes of the topology, segment by segment; a <c>{name}</c> segment matches
/// any one non-empty segment. Literal segments win over parameters, so <c>/orders/x/cancel</c> never reads as an id.
/// </summary>
internal sealed class RouteTable(IReadOnlyList<ApiRoute> routes)
{
    private readonly IReadOnlyList<(string[] Segments, IReadOnlyList<ApiRoute> Routes)> _paths = routes
        .GroupBy(r => r.Path, StringComparer.Ordinal)
        .Select(g => (g.First().Segments.ToArray(), (IReadOnlyList<ApiRoute>)g.ToList()))
        .OrderByDescending(p => p.Item1.Count(s => !IsParameter(s)))
        .ToList();

    /// <summary>The match for <paramref name="path"/>; null when no route has this path. One trailing slash is ignored.</summary>
    /// <param name="path">The request path (<c>/orders/ord_1</c>).</param>
    /// <param name="decodedParameters">API Gateway's URL-decoded path parameters, preferred over raw segments when they name the template's parameter.</param>
    public RouteMatch? Match(string path, IReadOnlyDictionary<string, string?>? decodedParameters)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length > 1 && path.EndsWith('/'))
        {
            path = path[..^1];
        }

        if (!path.StartsWith('/') || path.Contains("//", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (template, declared) in _paths)
        {
            if (template.Length != segments.Length)
            {
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (IsParameter(template[i]))
                {
                    var name = template[i][1..^1];
                    parameters[name] = decodedParameters is not null && decodedParameters.TryGetValue(name, out var decoded) && !string.IsNullOrEmpty(decoded)
                        ? decoded
                        : Unescape(segments[i]);
                }
                else
                {
                    matched = string.Equals(template[i], segments[i], StringComparison.Ordinal);
                }
            }

            if (matched)
            {
                return new RouteMatch(declared, parameters);
            }
        }

        return null;
    }

    private static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    private static string Unescape(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }
}
