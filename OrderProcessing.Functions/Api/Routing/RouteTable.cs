using System.Collections.Frozen;

namespace OrderProcessing.Functions.Api.Routing;

/// <summary>
/// Matches request paths against the bound endpoints' route templates, segment by segment; a <c>{name}</c> segment
/// matches any one non-empty segment. Literal segments win over parameters, so <c>/orders/x/cancel</c> never reads as an
/// id. Built once; a match allocates only the parameters of the path that matched.
/// </summary>
internal sealed class RouteTable
{
    private static readonly IReadOnlyDictionary<string, string> NoParameters = FrozenDictionary<string, string>.Empty;

    private readonly RoutePath[] _paths;
    private readonly int _maxSegments;

    /// <summary>The table of <paramref name="endpoints"/>; a path's methods keep the endpoints' order (the order of <c>Allow</c>).</summary>
    public RouteTable(IReadOnlyList<RouteBinding> endpoints)
    {
        _paths = [.. endpoints
            .GroupBy(e => e.Route.Path, StringComparer.Ordinal)
            .Select(g => new RoutePath(g.Key, g.ToList()))
            .OrderByDescending(p => p.Segments.Count(s => !RoutePath.IsParameter(s)))];
        _maxSegments = _paths.Length == 0 ? 0 : _paths.Max(p => p.Segments.Length);
    }

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
        foreach (var candidate in _paths)
        {
            var template = candidate.Segments;
            if (template.Length != count || !LiteralsMatch(template, path, segments))
            {
                continue;
            }

            if (candidate.ParameterCount == 0)
            {
                return new RouteMatch(candidate, NoParameters);
            }

            var parameters = new Dictionary<string, string>(candidate.ParameterCount, StringComparer.Ordinal);
            for (var i = 0; i < template.Length; i++)
            {
                if (candidate.ParameterNames[i] is { } name)
                {
                    parameters[name] = decodedParameters is not null && decodedParameters.TryGetValue(name, out var decoded) && !string.IsNullOrEmpty(decoded)
                        ? decoded
                        : Unescape(path[segments[i]]);
                }
            }

            return new RouteMatch(candidate, parameters);
        }

        return null;
    }

    private static bool LiteralsMatch(string[] template, string path, ReadOnlySpan<Range> segments)
    {
        for (var i = 0; i < template.Length; i++)
        {
            if (!RoutePath.IsParameter(template[i]) && !path.AsSpan()[segments[i]].SequenceEqual(template[i]))
            {
                return false;
            }
        }

        return true;
    }

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
