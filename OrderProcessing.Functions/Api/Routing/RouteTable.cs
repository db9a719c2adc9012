using OrderProcessing.Topology;

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

    private readonly int _maxSegments = routes.Count == 0 ? 0 : routes.Max(r => r.Segments.Count);

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

        // Segments as ranges of the path (no strings); one more slot than the longest template, so a longer path is seen.
        Span<Range> segments = stackalloc Range[_maxSegments + 1];
        var count = path.AsSpan().Split(segments, '/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (template, declared) in _paths)
        {
            if (template.Length != count || !LiteralsMatch(template, path, segments))
            {
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < template.Length; i++)
            {
                if (IsParameter(template[i]))
                {
                    var name = template[i][1..^1];
                    parameters[name] = decodedParameters is not null && decodedParameters.TryGetValue(name, out var decoded) && !string.IsNullOrEmpty(decoded)
                        ? decoded
                        : Unescape(path[segments[i]]);
                }
            }

            return new RouteMatch(declared, parameters);
        }

        return null;
    }

    private static bool LiteralsMatch(string[] template, string path, ReadOnlySpan<Range> segments)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (!IsParameter(template[i]) && !path.AsSpan()[segments[i]].SequenceEqual(template[i]))
            {
                return false;
            }
        }

        return true;
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
