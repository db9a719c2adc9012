using System.Text.Json.Nodes;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>
/// Builds API Gateway REST proxy events from the documented sample: method, path, the matching resource and path
/// parameters (as API Gateway fills them for a per-route API), headers in both maps, query parameters and body.
/// </summary>
internal sealed class ApiEventBuilder
{
    private readonly JsonObject _event = Samples.ApiGatewayEvent();
    private readonly List<(string Name, string Value)> _headers = [];
    private readonly List<(string Name, string Value)> _query = [];
    private readonly HashSet<string> _removedHeaders = new(StringComparer.OrdinalIgnoreCase);
    private string _method = "GET";
    private string _path = "/";
    private string? _body;
    private bool _base64;

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

    public ApiEventBuilder Query(string name, string value)
    {
        _query.Add((name, value));
        return this;
    }

    public string Build()
    {
        var pathOnly = _path;
        var route = SystemTopology.ApiRoutes.FirstOrDefault(r => Matches(r, pathOnly));
        _event["httpMethod"] = _method;
        _event["path"] = pathOnly;
        _event["resource"] = route?.Path ?? "/{proxy+}";
        _event["pathParameters"] = route is null ? new JsonObject { ["proxy"] = pathOnly.TrimStart('/') } : PathParameters(route, pathOnly);
        var context = _event["requestContext"]!.AsObject();
        context["httpMethod"] = _method;
        context["resourcePath"] = _event["resource"]!.GetValue<string>();
        context["path"] = "/prod" + pathOnly;

        var headers = _event["headers"]!.AsObject();
        var multiHeaders = _event["multiValueHeaders"]!.AsObject();
        foreach (var name in _removedHeaders)
        {
            headers.Remove(name);
            multiHeaders.Remove(name);
        }

        foreach (var (name, value) in _headers)
        {
            headers[name] = value;
            multiHeaders[name] = new JsonArray(value);
        }

        if (_query.Count > 0)
        {
            var single = new JsonObject();
            var multi = new JsonObject();
            foreach (var group in _query.GroupBy(q => q.Name))
            {
                single[group.Key] = group.Last().Value;
                multi[group.Key] = new JsonArray(group.Select(q => (JsonNode)JsonValue.Create(q.Value)!).ToArray());
            }

            _event["queryStringParameters"] = single;
            _event["multiValueQueryStringParameters"] = multi;
        }

        _event["body"] = _body;
        _event["isBase64Encoded"] = _base64;
        return _event.ToJsonString();
    }

    private static bool Matches(ApiRoute route, string path)
    {
        var template = route.Segments;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return template.Count == segments.Length
            && template.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second);
    }

    private static JsonObject PathParameters(ApiRoute route, string path)
    {
        var parameters = new JsonObject();
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
