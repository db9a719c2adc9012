using System.Net;
using System.Net.Mail;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Local.Diagnostics;

namespace OrderProcessing.Local.Identity;

/// <summary>
/// <c>POST /_local/tokens</c>: development sign-in. It mints a token for whoever the body names, standing in for the
/// Cognito hosted UI; it exists only on the local host and answers only callers on this machine (loopback), since any
/// caller could make itself an operator with it. The body: <c>subject</c> and <c>email</c> (required), <c>name</c>,
/// <c>groups</c> (<c>["operators"]</c> for an operator) and <c>lifetimeSeconds</c> (default one hour, at most one day).
/// </summary>
public static partial class TokenEndpoints
{
    /// <summary>The route's path.</summary>
    public const string Path = DiagnosticsEndpoints.Prefix + "/tokens";

    /// <summary>Largest body read.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    private const int MaxTextLength = 200;

    /// <summary>Maps the route on <paramref name="routes"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes, LocalTokenIssuer issuer, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(issuer);
        Func<HttpContext, Task<IResult>> handler = http => HandleAsync(http, issuer, logger);
        routes.MapPost(Path, handler);
    }

    /// <summary>Answers one request: <c>200</c> with the token, <c>400</c> naming the bad field, <c>403</c> for a caller not on loopback.</summary>
    internal static async Task<IResult> HandleAsync(HttpContext http, LocalTokenIssuer issuer, ILogger logger)
    {
        if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            LogNotLoopback(logger, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", "Local tokens are minted only for callers on this machine (loopback).", http, null);
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return Invalid(http, "body", $"At most {MaxBodyBytes} bytes.");
        }

        LocalTokenRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(http.Request.Body, IdentityJsonContext.Default.LocalTokenRequest, http.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
            return Invalid(http, field, field == "body" ? "Not a JSON object." : "Has the wrong type.");
        }

        var errors = Validate(request ?? new LocalTokenRequest());
        if (errors.Count > 0)
        {
            return Problem(StatusCodes.Status400BadRequest, ProblemTypes.ValidationFailed, "Validation failed", "The token request is not valid; see errors.", http, errors);
        }

        var token = issuer.Mint(request!);
        LogMinted(logger, request!.Subject!, request.Groups is { Count: > 0 } groups ? string.Join(",", groups) : "none", token.ExpiresAt);
        return Results.Json(token, IdentityJsonContext.Default.LocalToken);
    }

    private static Dictionary<string, string[]> Validate(LocalTokenRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Subject) || request.Subject.Length > MaxTextLength)
        {
            errors["subject"] = [$"Required: the customer id, 1 to {MaxTextLength} characters."];
        }

        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > MaxTextLength || !MailAddress.TryCreate(request.Email, out _))
        {
            errors["email"] = ["Required: an e-mail address."];
        }

        if (request.Name is { Length: > MaxTextLength })
        {
            errors["name"] = [$"At most {MaxTextLength} characters."];
        }

        for (var i = 0; i < (request.Groups?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(request.Groups![i]) || request.Groups[i].Length > MaxTextLength || request.Groups[i].Contains(','))
            {
                errors[$"groups[{i}]"] = [$"A group name: 1 to {MaxTextLength} characters, no comma."];
            }
        }

        if (request.LifetimeSeconds is { } seconds && (seconds < 1 || seconds > LocalTokenIssuer.MaxLifetime.TotalSeconds))
        {
            errors["lifetimeSeconds"] = [$"From 1 to {LocalTokenIssuer.MaxLifetime.TotalSeconds} seconds."];
        }

        return errors;
    }

    private static IResult Invalid(HttpContext http, string field, string message) =>
        Problem(StatusCodes.Status400BadRequest, ProblemTypes.ValidationFailed, "Validation failed", "The token request is not valid; see errors.", http, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    private static IResult Problem(int status, string type, string title, string detail, HttpContext http, IReadOnlyDictionary<string, string[]>? errors) => Results.Json(
        new ProblemDetails { Type = type, Title = title, Status = status, Detail = detail, Instance = http.Request.Path.Value, Errors = errors },
        ApiJsonContext.Responses.ProblemDetails,
        "application/problem+json",
        status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Minted a local token for subject {Subject} (groups: {Groups}), valid until {ExpiresAt:O}")]
    private static partial void LogMinted(ILogger logger, string subject, string groups, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to mint a local token for {Remote}: only loopback callers may")]
    private static partial void LogNotLoopback(ILogger logger, string remote);
}
