using System.Text.Json;
using OrderProcessing.Functions.Api.Callers;
using OrderProcessing.Functions.Api.Endpoints;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Pipeline;
using OrderProcessing.Functions.Api.Routing;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Api;

/// <summary>
/// The HTTP API function: every route of <see cref="SystemTopology.Routes"/> behind one API Gateway REST proxy
/// integration. A request passes a short chain: telemetry, common headers, CORS, problem mapping, the caller's access to
/// the route, limits, then the router's endpoint, which parses, calls Core and answers JSON. Bad input never produces a 5xx, and an unexpected
/// failure is logged with its context and answered with a generic RFC 9457 500.
/// </summary>
public sealed class ApiFunction
{
    private readonly TimeProvider _clock;
    private readonly Telemetry _telemetry;
    private readonly ApiRouter _router;
    private readonly IApiStep _chain;
    private readonly InvocationTimeouts _timeouts;

    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public ApiFunction()
        : this(FunctionBootstrap.FromEnvironment(SystemTopology.Api))
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.Api"/>.</summary>
    public ApiFunction(FunctionBootstrap bootstrap)
        : this(FunctionBootstrap.Require(bootstrap, SystemTopology.Api).Services, ApiOptions.FromSettings(bootstrap.Settings), bootstrap.Telemetry, bootstrap.Timeouts)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host).</summary>
    /// <param name="services">Core's services.</param>
    /// <param name="options">CORS and limits.</param>
    /// <param name="telemetry">Logs and metrics.</param>
    /// <param name="timeouts">How long a request may wait on the stores; <see cref="InvocationTimeouts.For"/> the API function when null.</param>
    /// <exception cref="InvalidOperationException">The endpoints do not serve exactly the topology's routes.</exception>
    public ApiFunction(SystemServices services, ApiOptions options, Telemetry telemetry, InvocationTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(telemetry);
        _timeouts = timeouts ?? InvocationTimeouts.For(SystemTopology.Api);
        _clock = services.Clock;
        _telemetry = telemetry;
        _router = new ApiRouter(SystemTopology.ApiRoutes, EndpointBindings.Bind(SystemTopology.Routes, services, telemetry));
        _chain = new RequestTelemetry(telemetry, _router.Endpoints,
            new ResponseHeaders(
                new CorsPolicy(options,
                    new ProblemResponses(services.Clock, telemetry,
                        new AccessPolicy(new CallerResolver(options.Auth),
                            new RequestLimits(_router))))));
        Routes = [.. _router.Endpoints.Select(e => e.Route)];
        RouteKeys = [.. _router.Endpoints.Select(e => e.Key)];
    }

    /// <summary>The routes this function serves, each bound to one endpoint: exactly those of the topology.</summary>
    public IReadOnlyList<ApiRoute> Routes { get; }

    /// <summary>The keys of <see cref="Routes"/> (<c>GET /orders/{orderId}</c>).</summary>
    public IReadOnlyCollection<string> RouteKeys { get; }

    /// <summary>Lambda entry point: an API Gateway REST proxy event in, the proxy response out.</summary>
    public Task<Stream> HandleAsync(Stream input) => HandleAsync(input, CancellationToken.None);

    /// <summary>
    /// Lambda entry point with the invocation's deadline. The request's store calls share the invocation's budget
    /// (<see cref="InvocationTimeouts"/>), which ends a margin before <paramref name="cancellationToken"/>'s deadline: a
    /// store that does not answer in time is answered <c>503</c> with <c>Retry-After</c> by the function itself, rather
    /// than left to Lambda's timeout and API Gateway's bare 502.
    /// </summary>
    public async Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var budget = _timeouts.Start(cancellationToken, _clock);
        ApiGatewayProxyRequest? proxyEvent = null;
        try
        {
            proxyEvent = await InvocationStreams.ReadAsync(input, AwsEventJsonContext.Default.ApiGatewayProxyRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            _telemetry.Log(LogLevel.Error, "The invocation event is not an API Gateway proxy event.", exception: e);
        }

        var result = proxyEvent is null
            ? ProblemMapper.Map(new InvalidDataException("not an API Gateway proxy event"), "/", null, _clock.GetUtcNow()).Result
            : await AnswerAsync(proxyEvent, budget.Token).ConfigureAwait(false);
        return InvocationStreams.Write(result.ToProxyResponse(), AwsEventJsonContext.Default.ApiGatewayProxyResponse);
    }

    /// <summary>
    /// Answers one proxy event within the invocation budget (ended early by <paramref name="cancellationToken"/>); never
    /// throws (a thrown error would reach clients as API Gateway's bare 502).
    /// </summary>
    public async Task<ApiGatewayProxyResponse> RespondAsync(ApiGatewayProxyRequest proxyEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxyEvent);
        using var budget = _timeouts.Start(cancellationToken, _clock);
        return (await AnswerAsync(proxyEvent, budget.Token).ConfigureAwait(false)).ToProxyResponse();
    }

    // Routing runs first because every part reads what it found (CORS the path's methods, limits whether the route takes
    // a body, telemetry the route's name); answering 404 and 405 is still the router's, at the end of the chain.
    private ValueTask<HttpResult> AnswerAsync(ApiGatewayProxyRequest proxyEvent, CancellationToken budget) =>
        _chain.InvokeAsync(_router.Resolve(new ApiRequest(proxyEvent, budget)));
}
