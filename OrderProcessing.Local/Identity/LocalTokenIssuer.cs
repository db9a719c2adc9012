using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Identity;

/// <summary>
/// The local host's token authority, standing in for the Cognito user pool: an ES256 key made at start (never written
/// anywhere, so tokens die with the host), tokens for development minted with it, and the checks API Gateway's Cognito
/// authorizer makes on every protected request: signature by this key, issuer, audience, expiry and not-before with little
/// clock skew, and no unsigned (<c>alg: none</c>) tokens.
/// </summary>
public sealed class LocalTokenIssuer : IDisposable
{
    /// <summary>The audience of every local token (a Cognito ID token's audience is its app client).</summary>
    public const string Audience = "orderprocessing-local";

    /// <summary>The one algorithm tokens may be signed with.</summary>
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    /// <summary>Lifetime of a token when the request names none: one hour, as a Cognito ID token's default.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    /// <summary>Longest lifetime a request may ask for: one day, Cognito's longest ID token.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

    /// <summary>How far the clocks of issuer and checker may disagree: the host is both, so a few seconds.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly Lazy<string> _issuer;
    private readonly TimeProvider _clock;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <param name="issuer">The host's base URL, asked for on first use (the port is known only once the server listens).</param>
    /// <param name="clock">The time tokens are issued at.</param>
    public LocalTokenIssuer(Func<string> issuer, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(clock);
        _issuer = new Lazy<string>(issuer);
        _clock = clock;
        var key = new ECDsaSecurityKey(_key) { KeyId = Guid.NewGuid().ToString("N") };
        SigningCredentials = new SigningCredentials(key, Algorithm);
    }

    /// <summary>The <c>iss</c> of every token: the host's base URL.</summary>
    public string Issuer => _issuer.Value;

    /// <summary>The key and algorithm tokens are signed with (tests sign deliberately broken tokens with it).</summary>
    internal SigningCredentials SigningCredentials { get; }

    /// <summary>A signed token for <paramref name="request"/>, valid from now for its lifetime.</summary>
    public LocalToken Mint(LocalTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _clock.GetUtcNow();
        var expires = now + (request.LifetimeSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultLifetime);

        // The claims of a Cognito ID token that the API function reads (CallerClaims), and token_use as Cognito sets it.
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [CallerClaims.Subject] = request.Subject!,
            [CallerClaims.Email] = request.Email!,
            ["token_use"] = "id",
        };
        if (!string.IsNullOrEmpty(request.Name))
        {
            claims[CallerClaims.Name] = request.Name;
        }

        if (request.Groups is { Count: > 0 } groups)
        {
            claims[CallerClaims.Groups] = groups.ToArray();
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = SigningCredentials,
        });

        // JWT times are whole seconds: report the expiry the token carries.
        return new LocalToken(token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>Checks <paramref name="token"/> as the Cognito authorizer checks one; the result says whether it passed and why not.</summary>
    public Task<TokenValidationResult> ValidateAsync(string token) => _handler.ValidateTokenAsync(token, new TokenValidationParameters
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = SigningCredentials.Key,
        ValidAlgorithms = [Algorithm],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        ClockSkew = ClockSkew,
    });

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();
}
