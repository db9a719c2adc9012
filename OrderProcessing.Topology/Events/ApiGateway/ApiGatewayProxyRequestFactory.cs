namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>
/// The one place that turns an HTTP request into the event a REST API hands a Lambda proxy integration (payload format
/// 1.0): the local host's gateway, the reliability tool, the benchmarks and the tests all build events here, so they
/// agree with each other and with <see cref="ApiGatewayProxyRequest"/>.
/// </summary>
public static class ApiGatewayProxyRequestFactory
{
    /// <summary>The greedy resource of an API that sends every path to one function (method <c>ANY</c>), as the deployed API and the local host declare it.</summary>
    public const string GreedyProxyResource = "/{proxy+}";

    /// <summary>The event for <paramref name="request"/> on the greedy <c>/{proxy+}</c> resource: its one path parameter <c>proxy</c> is the path without its leading slash.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="context">The request context: stage, ids, time and caller. Its resource path, method and path are set from the request.</param>
    public static ApiGatewayProxyRequest ForGreedyProxy(ApiGatewayHttpRequest request, ApiGatewayRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ForResource(request, GreedyProxyResource, new Dictionary<string, string?>(StringComparer.Ordinal) { ["proxy"] = request.Path.TrimStart('/') }, context);
    }

    /// <summary>The event for <paramref name="request"/> matched to <paramref name="resource"/> (for example <c>/orders/{orderId}</c>).</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="resource">The API resource that matched.</param>
    /// <param name="pathParameters">The resource's path parameters, decoded; null when it has none.</param>
    /// <param name="context">The request context: stage, ids, time and caller. Its resource path, method and path are set from the request.</param>
    public static ApiGatewayProxyRequest ForResource(ApiGatewayHttpRequest request, string resource, IReadOnlyDictionary<string, string?>? pathParameters, ApiGatewayRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var headers = Group(request.Headers, StringComparer.OrdinalIgnoreCase);
        var query = Group(request.Query, StringComparer.Ordinal);
        return new ApiGatewayProxyRequest
        {
            Resource = resource,
            Path = request.Path,
            HttpMethod = request.Method,
            Headers = LastValues(headers),
            MultiValueHeaders = AllValues(headers),
            QueryStringParameters = LastValues(query),
            MultiValueQueryStringParameters = AllValues(query),
            PathParameters = pathParameters,
            StageVariables = null,
            RequestContext = context with { ResourcePath = resource, HttpMethod = request.Method, Path = $"/{context.Stage}{request.Path}" },
            Body = request.Body,
            IsBase64Encoded = request.IsBase64Encoded,
        };
    }

    // Values by name in first-seen order; API Gateway keeps the first spelling of a header name.
    private static List<(string Name, List<string> Values)> Group(IReadOnlyList<KeyValuePair<string, string>> pairs, StringComparer names)
    {
        var groups = new List<(string Name, List<string> Values)>();
        var index = new Dictionary<string, int>(names);
        foreach (var (name, value) in pairs)
        {
            if (index.TryGetValue(name, out var at))
            {
                groups[at].Values.Add(value);
            }
            else
            {
                index[name] = groups.Count;
                groups.Add((name, [value]));
            }
        }

        return groups;
    }

    // REST APIs send null, not an empty object, when there are none.
    private static Dictionary<string, string?>? LastValues(List<(string Name, List<string> Values)> groups) =>
        groups.Count == 0 ? null : groups.ToDictionary(g => g.Name, g => (string?)g.Values[^1], StringComparer.Ordinal);

    private static Dictionary<string, IReadOnlyList<string?>?>? AllValues(List<(string Name, List<string> Values)> groups) =>
        groups.Count == 0 ? null : groups.ToDictionary(g => g.Name, g => (IReadOnlyList<string?>?)g.Values.ToArray(), StringComparer.Ordinal);
}
