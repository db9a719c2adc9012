using System.Text.Json;
using OrderProcessing.Functions.Api.Endpoints;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Api.Routing;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api;

/// <summary>
/// The HTTP API function: every route of <see cref="SystemTopology.ApiRoutes"/> behind one API Gateway REST proxy
/// integration. It parses and checks the request (route, method, size, media type, JSON), calls Core, and answers
/// JSON or an RFC 9457 problem; bad input never produces a 5xx, and an unexpected failure is logged with its context and
/// answered with a generic 500.
/// </summary>
public sealed class ApiFunction
{
    private static readonly RouteTable Routes = new(SystemTopology.ApiRoutes);

    private readonly ApiOptions _options;
    private readonly Telemetry _telemetry;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyDictionary<string, Func<ApiCall, Task<HttpResult>>> _endpoints;
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _routeDimensions;

    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public ApiFunction()
        : this(FunctionBootstrap.FromEnvironment(SystemTopology.Api))
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.Api"/>.</summary>
    public ApiFunction(FunctionBootstrap bootstrap)
        : this(FunctionBootstrap.Require(bootstrap, SystemTopology.Api).Services, ApiOptions.FromSettings(bootstrap.Settings), bootstrap.Telemetry)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host).</summary>
    public ApiFunction(SystemServices services, ApiOptions options, Telemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);
        _options = options;
        _telemetry = telemetry;
        _clock = services.Clock;
        var orders = new OrderEndpoints(services.Orders, telemetry);
        var catalog = new CatalogEndpoints(services.Catalog, telemetry);
        _endpoints = new Dictionary<string, Func<ApiCall, Task<HttpResult>>>(StringComparer.Ordinal)
        {
            ["POST /orders"] = orders.PlaceAsync,
            ["GET /orders"] = orders.ListAsync,
            ["GET /orders/{orderId}"] = orders.GetAsync,
            ["PATCH /orders/{orderId}"] = orders.MoveAsync,
            ["DELETE /orders/{orderId}"] = orders.DeleteAsync,
            ["POST /orders/{orderId}/cancel"] = orders.CancelAsync,
            ["GET /orders/{orderId}/invoice"] = orders.InvoiceAsync,
            ["GET /customers/{customerId}/orders"] = orders.ListByCustomerAsync,
            ["GET /products"] = catalog.ListAsync,
            ["GET /products/{productId}"] = catalog.GetAsync,
            ["PUT /products/{productId}"] = catalog.PutAsync,
            ["GET /health"] = _ => Task.FromResult(HttpResult.Json(200, new HealthResource("ok", telemetry.Environment), ApiJsonContext.Responses.HealthResource)),
        };

        // Metric dimensions of each declared route, made once (unmatched paths and methods are not cached: clients choose them).
        _routeDimensions = SystemTopology.ApiRoutes.ToDictionary(r => r.Key, r => (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["Route"] = r.Key }, StringComparer.Ordinal);

        var undeclared = _endpoints.Keys.Except(SystemTopology.ApiRoutes.Select(r => r.Key)).ToList();
        var unserved = SystemTopology.ApiRoutes.Select(r => r.Key).Except(_endpoints.Keys).ToList();
        if (undeclared.Count > 0 || unserved.Count > 0)
        {
            throw new InvalidOperationException($"The API function and the topology disagree: endpoints without a route [{string.Join(", ", undeclared)}], routes without an endpoint [{string.Join(", ", unserved)}].");
        }
    }

    /// <summary>The route keys this function serves (<c>GET /orders/{orderId}</c>), exactly those of the topology.</summary>
    public IReadOnlyCollection<string> RouteKeys => (IReadOnlyCollection<string>)_endpoints.Keys;

    /// <summary>Lambda entry point: an API Gateway REST proxy event in, the proxy response out.</summary>
    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ApiGatewayProxyRequest? proxyEvent = null;
        try
        {
            // The runtime hands over the event in memory: read it straight from the buffer, without the stream machinery.
            proxyEvent = input switch
            {
                MemoryStream memory when memory.TryGetBuffer(out var buffer) => JsonSerializer.Deserialize(buffer.AsSpan((int)memory.Position), AwsEventJsonContext.Default.ApiGatewayProxyRequest),
                MemoryStream memory => JsonSerializer.Deserialize(memory, AwsEventJsonContext.Default.ApiGatewayProxyRequest),
                _ => await JsonSerializer.DeserializeAsync(input, AwsEventJsonContext.Default.ApiGatewayProxyRequest).ConfigureAwait(false),
            };
        }
        catch (JsonException e)
        {
            _telemetry.Log(LogLevel.Error, "The invocation event is not an API Gateway proxy event.", exception: e);
        }

        var result = proxyEvent is null
            ? ProblemMapper.Map(new InvalidDataException("not an API Gateway proxy event"), "/", null, _clock.GetUtcNow()).Result
            : await AnswerAsync(proxyEvent).ConfigureAwait(false);
        return result.ToProxyResponseJson();
    }

    /// <summary>Answers one proxy event; never throws (a thrown error would reach clients as API Gateway's bare 502).</summary>
    public async Task<ApiGatewayProxyResponse> RespondAsync(ApiGatewayProxyRequest proxyEvent)
    {
        ArgumentNullException.ThrowIfNull(proxyEvent);
        return (await AnswerAsync(proxyEvent).ConfigureAwait(false)).ToProxyResponse();
    }

    private async Task<HttpResult> AnswerAsync(ApiGatewayProxyRequest proxyEvent)
    {
        ArgumentNullException.ThrowIfNull(proxyEvent);
        var started = _telemetry.Clock.GetTimestamp();
        var request = new ApiRequest(proxyEvent);
        var match = Routes.Match(request.Path, request.PathParameters);
        var route = match?.For(request.Method);
        var routeName = route?.Key ?? (match is null ? "unmatched" : $"{request.Method} {match.Routes[0].Path}");
        string? orderId = null;
        HttpResult result;
        try
        {
            if (match is null)
            {
                result = Problem(404, ProblemTypes.NotFound, "Not found", $"No route matches {request.Path}.", request);
            }
            else if (request.Method == "OPTIONS")
            {
                result = Preflight(match, request);
            }
            else if (route is null)
            {
                result = Problem(405, ProblemTypes.MethodNotAllowed, "Method not allowed", $"{request.Method} is not allowed on {request.Path}; see Allow.", request)
                    .With("Allow", match.AllowHeader);
            }
            else
            {
                var call = new ApiCall(request, route, match.Parameters);
                result = RejectBody(route, request) ?? await _endpoints[route.Key](call).ConfigureAwait(false);
                orderId = call.OrderId;
            }
        }
        catch (Exception e)
        {
            var (problem, expected) = ProblemMapper.Map(e, request.Path, request.RequestId, _clock.GetUtcNow());
            result = problem;
            if (!expected)
            {
                _telemetry.Log(LogLevel.Error, $"Unexpected failure answering {request.Method} {request.Path}.", request.RequestId, orderId, Context(request, routeName), e);
            }
            else if (result.StatusCode >= 500)
            {
                _telemetry.Log(LogLevel.Warn, "Transient failure; the client was told to retry.", request.RequestId, orderId, Context(request, routeName), e);
            }
        }

        ApplyCommonHeaders(result, request);
        var elapsed = _telemetry.Clock.GetElapsedTime(started).TotalMilliseconds;
        var fields = Context(request, routeName);
        fields["status"] = result.StatusCode;
        fields["latencyMs"] = elapsed;
        // The route name already starts with the method (GET /products, OPTIONS /orders), except for a path no route matches.
        var answered = match is null ? $"{request.Method} {routeName}" : routeName;
        _telemetry.Log(result.StatusCode >= 500 ? LogLevel.Error : LogLevel.Info, $"{answered} answered {result.StatusCode}.", request.RequestId, orderId, fields);
        _telemetry.Metrics(
            route is null ? new Dictionary<string, string> { ["Route"] = routeName } : _routeDimensions[route.Key],
            [Metric.Milliseconds("ApiLatency", elapsed)],
            new Dictionary<string, object?> { ["statusCode"] = result.StatusCode, ["requestId"] = request.RequestId });
        return result;
    }

    private static HttpResult? RejectBody(ApiRoute route, ApiRequest request)
    {
        if (!route.TakesBody || !request.HasBody)
        {
            return null;
        }

        var length = request.BodyLength();
        if (length > ApiOptions.MaxBodyBytes)
        {
            return Problem(413, ProblemTypes.PayloadTooLarge, "Body too large", $"The body is {length} bytes; at most {ApiOptions.MaxBodyBytes} are accepted.", request);
        }

        return JsonMediaType.Problem(request.Header("Content-Type")) is { } problem
            ? Problem(415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", problem, request).With("Accept", "application/json")
            : null;
    }

    private HttpResult Preflight(RouteMatch match, ApiRequest request)
    {
        var result = HttpResult.NoContent().With("Allow", match.AllowHeader);
        if (AllowedOrigin(request) is not null)
        {
            result.With("Access-Control-Allow-Methods", match.AllowHeader)
                .With("Access-Control-Allow-Headers", "Content-Type, Idempotency-Key")
                .With("Access-Control-Max-Age", ((int)_options.PreflightMaxAge.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return result;
    }

    private void ApplyCommonHeaders(HttpResult result, ApiRequest request)
    {
        // Orders carry personal data: no shared cache may keep them.
        result.With("Cache-Control", "no-store").With("X-Content-Type-Options", "nosniff");
        if (AllowedOrigin(request) is { } origin)
        {
            result.With("Access-Control-Allow-Origin", origin)
                .With("Access-Control-Expose-Headers", "Location, Retry-After, Idempotent-Replayed");
            if (origin != "*")
            {
                result.With("Vary", "Origin");
            }
        }
    }

    private string? AllowedOrigin(ApiRequest request)
    {
        if (_options.AllowedOrigins.Count == 0)
        {
            return null;
        }

        if (_options.AllowedOrigins.Contains("*"))
        {
            return "*";
        }

        var origin = request.Header("Origin");
        return origin is not null && _options.AllowedOrigins.Contains(origin, StringComparer.Ordinal) ? origin : null;
    }

    private static HttpResult Problem(int status, string type, string title, string detail, ApiRequest request) =>
        HttpResult.Problem(new ProblemDetails { Type = type, Title = title, Status = status, Detail = detail, Instance = request.Path, RequestId = request.RequestId });

    // Room for the two fields the final log line adds, so the map is not resized.
    private static Dictionary<string, object?> Context(ApiRequest request, string routeName) => new(5)
    {
        ["method"] = request.Method,
        ["route"] = routeName,
        ["path"] = request.Path,
    };
}
