using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Identity;

/// <summary>
/// The local stand-in for the REST API's Cognito authorizer: on every route whose access is not public it reads
/// <c>Authorization: Bearer &lt;token&gt;</c>, verifies the token with <see cref="LocalTokenIssuer"/>, and either refuses the
/// request (<c>401</c>, before the function is invoked, so nothing of it is stored) or hands the function the token's
/// claims where API Gateway puts them. Public routes carry no authorizer, so a token on them is ignored, as API Gateway
/// ignores it on a method without one. Null <paramref name="issuer"/> is <c>--auth none</c>: nothing is checked.
/// </summary>
/// <param name="issuer">The token authority, or null when nothing is checked.</param>
/// <param name="routes">The declared routes and their access.</param>
/// <param name="allowOrigins">The CORS origins the API answers (the function's <c>CORS_ALLOW_ORIGIN</c>, comma-separated, or <c>*</c>), also on refusals, as a gateway response carries them, so a page on another origin sees the 401 rather than a CORS error.</param>
/// <param name="logger">Where refusals are logged.</param>
public sealed partial class LocalAuthorizer(LocalTokenIssuer? issuer, RouteAccessMap routes, string allowOrigins, ILogger<LocalAuthorizer> logger)
{
    private readonly string[] _origins = allowOrigins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The challenge of every refusal (RFC 6750).</summary>
    public const string Challenge = "Bearer error=\"invalid_token\"";

    /// <summary>Decides for <paramref name="request"/>.</summary>
    public async Task<AuthorizationOutcome> AuthorizeAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (issuer is null || routes.Find(request.Method, request.Path.Value ?? "/") is not { } route || route.Access == ApiAccess.Public)
        {
            return AuthorizationOutcome.Unguarded;
        }

        if (!TryReadBearer(request.Headers.Authorization.ToString(), out var token))
        {
            LogRefused(logger, request.Method, request.Path.Value ?? "/", "no bearer token");
            return new AuthorizationOutcome("This route needs a bearer token (Authorization: Bearer TOKEN; locally, get one from POST /_local/tokens).", null);
        }

        var result = await issuer.ValidateAsync(token).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken verified)
        {
            // The reason is logged by kind only: never the token, nor anything else of the refused request.
            LogRefused(logger, request.Method, request.Path.Value ?? "/", result.Exception?.GetType().Name ?? "not a JSON Web Token");
            return new AuthorizationOutcome("The token is not valid: it is malformed, expired or not yet valid, unsigned or badly signed, or for another issuer or audience.", null);
        }

        return new AuthorizationOutcome(null, AuthorizerClaims.For(verified));
    }

    /// <summary>Writes the refusal: <c>401</c>, the challenge, and a problem document, as API Gateway's UNAUTHORIZED response in AWS.</summary>
    public async Task WriteRefusalAsync(HttpContext http, string detail, string requestId)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        var origin = http.Request.Headers.Origin.ToString();
        if (_origins.Contains("*"))
        {
            http.Response.Headers.AccessControlAllowOrigin = "*";
        }
        else if (origin.Length > 0 && _origins.Contains(origin, StringComparer.Ordinal))
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.Vary = "Origin";
        }

        http.Response.Headers.WWWAuthenticate = Challenge;
        http.Response.Headers["x-amzn-ErrorType"] = "UnauthorizedException";
        http.Response.ContentType = "application/problem+json";
        var problem = new ProblemDetails
        {
            Type = ProblemTypes.Unauthorized,
            Title = "Unauthorized",
            Status = StatusCodes.Status401Unauthorized,
            Detail = detail,
            Instance = http.Request.Path.Value,
            RequestId = requestId,
        };
        await JsonSerializer.SerializeAsync(http.Response.Body, problem, ApiJsonContext.Responses.ProblemDetails, http.RequestAborted).ConfigureAwait(false);
    }

    private static bool TryReadBearer(string header, out string token)
    {
        token = "";
        if (!AuthenticationHeaderValue.TryParse(header, out var value) || !string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = value.Parameter ?? "";
        return token.Length > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused {Method} {Path} with 401: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string path, string reason);
}
