using System.Globalization;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Routing;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>
/// CORS: answers a preflight (<c>OPTIONS</c> on a known path) with the path's methods, and marks every response to an
/// allowed origin as readable by it. No configured origin sends no CORS header, so browsers on other origins are refused.
/// </summary>
internal sealed class CorsPolicy : IApiStep
{
    // The topology's lists, which API Gateway's preflight also answers with: a page on the shop's origin sends its ID
    // token in Authorization, so the two must never disagree on it.
    private static readonly string AllowedHeaders = string.Join(", ", ApiCors.AllowHeaders);
    private static readonly string ExposedHeaders = string.Join(", ", ApiCors.ExposeHeaders);

    private readonly bool _anyOrigin;
    private readonly HashSet<string> _origins;
    private readonly string _maxAge;
    private readonly IApiStep _next;

    public CorsPolicy(ApiOptions options, IApiStep next)
    {
        _anyOrigin = options.AllowedOrigins.Contains("*");
        _origins = new HashSet<string>(options.AllowedOrigins, StringComparer.Ordinal);
        _maxAge = ((int)options.PreflightMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        _next = next;
    }

    public async ValueTask<HttpResult> InvokeAsync(ApiExchange exchange)
    {
        var origin = AllowedOrigin(exchange.Request);
        var result = exchange.Match is { } match && exchange.Request.Method == "OPTIONS"
            ? Preflight(match.Path, origin)
            : await _next.InvokeAsync(exchange).ConfigureAwait(false);
        if (origin is not null)
        {
            result.With("Access-Control-Allow-Origin", origin).With("Access-Control-Expose-Headers", ExposedHeaders);
            if (origin != "*")
            {
                result.With("Vary", "Origin");
            }
        }

        return result;
    }

    private HttpResult Preflight(RoutePath path, string? origin)
    {
        var result = HttpResult.NoContent().With("Allow", path.AllowHeader);
        if (origin is not null)
        {
            result.With("Access-Control-Allow-Methods", path.AllowHeader)
                .With("Access-Control-Allow-Headers", AllowedHeaders)
                .With("Access-Control-Max-Age", _maxAge);
        }

        return result;
    }

    private string? AllowedOrigin(ApiRequest request)
    {
        if (_anyOrigin)
        {
            return "*";
        }

        if (_origins.Count == 0)
        {
            return null;
        }

        var origin = request.Header("Origin");
        return origin is not null && _origins.Contains(origin) ? origin : null;
    }
}
