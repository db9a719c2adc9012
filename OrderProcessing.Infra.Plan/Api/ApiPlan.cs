using OrderProcessing.Infra.Plan.Monitoring;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Api;

/// <summary>How the REST API is deployed: the routes to the API function, authentication and throttling per stack, CORS.</summary>
/// <param name="RestApiName">The API's name and the <c>ApiName</c> dimension of its metrics.</param>
/// <param name="StageName">The stage, the first path segment of the URL.</param>
/// <param name="Auth">How callers authenticate.</param>
/// <param name="RateLimit">Steady-state requests per second, for the stage and for the usage plan.</param>
/// <param name="BurstLimit">Burst of requests, for the stage and for the usage plan.</param>
/// <param name="UsagePlanName">The usage plan of API keys (API key authentication only).</param>
/// <param name="ApiKeyName">The API key (API key authentication only).</param>
/// <param name="CorsAllowOrigin">The browser origin allowed to call the API as configured (<c>shop</c>: the stack's shop page, see <see cref="CorsOrigin"/>).</param>
/// <param name="ServerErrorAlarm">The alarm on 5xx answers.</param>
public sealed record ApiPlan(
    string RestApiName,
    string StageName,
    ApiAuthMode Auth,
    double RateLimit,
    int BurstLimit,
    string UsagePlanName,
    string ApiKeyName,
    string CorsAllowOrigin,
    AlarmDefinition ServerErrorAlarm)
{
    /// <summary>Media types API Gateway passes as binary: the invoice PDF. Everything else reaches the function as text.</summary>
    public static IReadOnlyList<string> BinaryMediaTypes { get; } = ["application/pdf"];

    /// <summary>The proxy route that sends every path and method to the API function.</summary>
    public const string ProxyPath = "/{proxy+}";

    /// <summary>Method settings path covering every method of every resource.</summary>
    public const string AllMethods = "*/*";

    /// <summary>Request headers a browser may send: the topology's one list (<see cref="ApiCors.AllowHeaders"/>), which the API function allows too.</summary>
    public static IReadOnlyList<string> CorsAllowHeaders => ApiCors.AllowHeaders;

    /// <summary>The methods of the topology's API routes, in route order, and <c>OPTIONS</c> for the preflight itself.</summary>
    public static IReadOnlyList<string> CorsAllowMethods { get; } =
        [.. SystemTopology.ApiRoutes.Select(r => r.Method).Append("OPTIONS").Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The OpenAPI document of this API whose routes invoke <paramref name="integrationUri"/> (the API alias's invoke ARN),
    /// guarded by <paramref name="userPoolArn"/>'s authorizer with Cognito, allowing <paramref name="shopOrigin"/> when the
    /// stack allows only its shop page.
    /// </summary>
    public string OpenApi(string integrationUri, string? userPoolArn = null, string? shopOrigin = null) =>
        OpenApiDocument.Create(this, integrationUri, CorsOrigin(shopOrigin), userPoolArn);

    /// <summary>
    /// The browser origin allowed to call the API: the configured one, or <paramref name="shopOrigin"/> (the shop page's
    /// CloudFront origin, known at deployment) when the stack allows only its shop (<see cref="StackSettings.ShopOrigin"/>).
    /// </summary>
    public string CorsOrigin(string? shopOrigin) =>
        CorsAllowOrigin != StackSettings.ShopOrigin
            ? CorsAllowOrigin
            : shopOrigin ?? throw new ArgumentNullException(nameof(shopOrigin), "The stack allows only its shop page's origin, which is not known yet.");
}
