using System.Text.Json;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// Builds API Gateway REST proxy events from the documented sample through the shared
/// <see cref="ApiGatewayProxyRequestFactory"/>: method, path, the matching resource and path parameters (as API Gateway
/// fills them for a per-route API), the sample's headers with this builder's changes, query parameters and body.
/// </summary>
internal sealed class ApiEventBuilder
{
    private readonly ApiGatewayProxyRequest _sample = Samples.ApiGatewayRequest();
    private readonly List<(string Name, string Value)> _headers = [];
    private readonly List<(string Name, string Value)> _query = [];
    private readonly HashSet<string> _removedHeaders = new(StringComparer.OrdinalIgnoreCase);
    private string _method = "GET";
    private string _path = "/";
    private string? _body;
    private bool _base64;
    private JsonElement? _authorizer;

    public static ApiEventBuilder Get(string path) => new ApiEventBuilder().Method("GET").Path(path);

    public static ApiEventBuilder Delete(string path) => new ApiEventBuilder().Method("DELETE").Path(path);

    public static ApiEventBuilder Options(string path) => new ApiEventBuilder().Method("OPTIONS").Path(path);

    public static ApiEventBuilder Post(string path, string? jsonBody = null) => new ApiEventBuilder().Method("POST").Path(path).Json(jsonBody);

    public static ApiEventBuilder Put(string path, string jsonBody) => new ApiEventBuilder().Method("PUT").Path(path).Json(jsonBody);

    public static ApiEventBuilder Patch(string path, string jsonBody) => new ApiEventBuilder().Method("PATCH").Path(path).Json(jsonBody);

    public ApiEventBuilder Method(string method)
    {
        _method = method;
        return this;
    }

    public ApiEventBuilder Path(string path)
    {
        _path = path;
        return this;
    }

    /// <summary>A JSON body with <c>Content-Type: application/json</c> (no body when null).</summary>
    public ApiEventBuilder Json(string? body)
    {
        _body = body;
        return body is null ? this : Header("Content-Type", "application/json");
    }

    public ApiEventBuilder Body(string body, bool base64 = false)
    {
        _body = body;
        _base64 = base64;
        return this;
    }

    public ApiEventBuilder Header(string name, string value)
    {
        _headers.RemoveAll(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        _headers.Add((name, value));
        _removedHeaders.Remove(name);
        return this;
    }

    public ApiEventBuilder WithoutHeader(string name)
    {
        _headers.RemoveAll(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
        _removedHeaders.Add(name);
        return this;
    }

    /// <summary>
    /// The claims an authorizer verified, as the REST API's Cognito authorizer passes them: every value a string, under
    /// <c>requestContext.authorizer.claims</c>. No claims (the default) is a caller no authorizer vouched for.
    /// </summary>
    public ApiEventBuilder Claims(IReadOnlyDictionary<string, string> claims)
    {
        var authorizer = new System.Text.Json.Nodes.JsonObject
        {
            [CallerClaims.ClaimsProperty] = new System.Text.Json.Nodes.JsonObject(claims.Select(c => KeyValuePair.Create(c.Key, (System.Text.Json.Nodes.JsonNode?)c.Value))),
        };
        _authorizer = JsonSerializer.SerializeToElement(authorizer);
        return this;
    }

    public ApiEventBuilder Query(string name, string value)
    {
        _query.Add((name, value));
        return this;
    }

    public string Build()
    {
        var route = SystemTopology.ApiRoutes.FirstOrDefault(r => Matches(r, _path));
        var headers = (_sample.Headers ?? new Dictionary<string, string?>())
            .Where(h => h.Value is not null && !_removedHeaders.Contains(h.Key) && !_headers.Any(o => string.Equals(o.Name, h.Key, StringComparison.OrdinalIgnoreCase)))
            .Select(h => KeyValuePair.Create(h.Key, h.Value!))
            .Concat(_headers.Select(h => KeyValuePair.Create(h.Name, h.Value)));
        var request = new ApiGatewayHttpRequest(_method, _path)
        {
            Headers = headers.ToList(),
            Query = _query.Select(q => KeyValuePair.Create(q.Name, q.Value)).ToList(),
            Body = _body,
            IsBase64Encoded = _base64,
        };
        var context = (_sample.RequestContext ?? new ApiGatewayRequestContext()) with { Authorizer = _authorizer };
        var proxyEvent = route is null
            ? ApiGatewayProxyRequestFactory.ForGreedyProxy(request, context)
            : ApiGatewayProxyRequestFactory.ForResource(request, route.Path, PathParameters(route, _path), context);
        return JsonSerializer.Serialize(proxyEvent, AwsEventJsonContext.Default.ApiGatewayProxyRequest);
    }

    private static bool Matches(ApiRoute route, string path)
    {
        var template = route.Segments;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return template.Count == segments.Length
            && template.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }

    private static Dictionary<string, string?> PathParameters(ApiRoute route, string path)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < route.Segments.Count; i++)
        {
            if (route.Segments[i].StartsWith('{'))
            {
                parameters[route.Segments[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
            }
        }

        return parameters;
    }
}
