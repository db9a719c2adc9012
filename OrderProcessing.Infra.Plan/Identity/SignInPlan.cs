using System.Text.RegularExpressions;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Infra.Plan.Identity;

/// <summary>
/// Sign-in for customers and operators (stacks whose <c>apiAuth</c> is <c>cognito</c>): a Cognito user pool where anyone
/// signs up with a verified e-mail address, the operators group, a public app client for the shop page (authorization code
/// with PKCE, no secret: a browser cannot keep one) and the hosted sign-in pages under a domain prefix of the stack.
/// </summary>
/// <param name="UserPoolName">The user pool's name.</param>
/// <param name="AppClientName">The shop page's app client.</param>
/// <param name="DomainPrefix">The hosted UI's domain prefix (<c>{prefix}.auth.{region}.amazoncognito.com</c>), unique in the region.</param>
/// <param name="Region">The stack's region, part of the hosted domain.</param>
/// <param name="DeletionProtection">Whether the pool refuses deletion (its users' accounts cannot be recreated).</param>
public sealed partial record SignInPlan(string UserPoolName, string AppClientName, string DomainPrefix, string Region, bool DeletionProtection)
{
    /// <summary>The group whose members are operators; the token's <c>cognito:groups</c> claim names it.</summary>
    public const string OperatorsGroup = CallerClaims.OperatorsGroup;

    /// <summary>Customers sign in with their e-mail address: it is the user name.</summary>
    public static IReadOnlyList<string> UsernameAttributes { get; } = ["email"];

    /// <summary>Cognito e-mails a code at sign-up; an unverified address cannot sign in.</summary>
    public static IReadOnlyList<string> AutoVerifiedAttributes { get; } = ["email"];

    /// <summary>The only OAuth flow: the authorization code, which the page redeems with its PKCE verifier.</summary>
    public static IReadOnlyList<string> OAuthFlows { get; } = ["code"];

    /// <summary>The scopes the page asks for: the ID token then carries the e-mail and name the API function reads.</summary>
    public static IReadOnlyList<string> OAuthScopes { get; } = ["openid", "email", "profile"];

    /// <summary>Users of the pool itself; no federated providers.</summary>
    public static IReadOnlyList<string> IdentityProviders { get; } = ["COGNITO"];

    /// <summary>
    /// Direct API sign-in flows of the client: only refreshing tokens. Passwords are typed into the hosted pages alone, never
    /// into the shop page's script.
    /// </summary>
    public static IReadOnlyList<string> ExplicitAuthFlows { get; } = ["ALLOW_REFRESH_TOKEN_AUTH"];

    /// <summary>Minimum password length. Length, not composition, is what resists guessing (NIST SP 800-63B), so only digits and both cases are also asked for.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>Days an administrator-set temporary password stays valid.</summary>
    public const int TemporaryPasswordDays = 3;

    /// <summary>Lifetime of ID and access tokens in minutes: a stolen token is useless after this.</summary>
    public const int TokenMinutes = 60;

    /// <summary>Lifetime of refresh tokens in days.</summary>
    public const int RefreshTokenDays = 30;

    /// <summary>Sign-in failures do not reveal whether an account exists.</summary>
    public const string PreventUserExistenceErrors = "ENABLED";

    /// <summary>The pool's <c>deletionProtection</c> value.</summary>
    public string DeletionProtectionMode => DeletionProtection ? "ACTIVE" : "INACTIVE";

    /// <summary>The hosted UI's host name.</summary>
    public string HostedDomain => $"{DomainPrefix}.auth.{Region}.amazoncognito.com";

    /// <summary>The hosted UI's base URL, where the page sends customers to sign in and out.</summary>
    public string HostedUiUrl => $"https://{HostedDomain}";

    /// <summary>The plan for the stack whose names start with <paramref name="stackPrefix"/> (<c>order-processing-dev</c>).</summary>
    public static SignInPlan For(string stackPrefix, string region, bool deletionProtection)
    {
        ArgumentNullException.ThrowIfNull(stackPrefix);
        ArgumentNullException.ThrowIfNull(region);
        var prefix = $"{stackPrefix}-shop";
        // Cognito's rule for prefix domains: lowercase letters, digits and hyphens, and none of its reserved words.
        return DomainPrefixPattern().IsMatch(prefix) && !ReservedWords.Any(prefix.Contains)
            ? new SignInPlan($"{stackPrefix}-users", $"{stackPrefix}-shop-page", prefix, region, deletionProtection)
            : throw new InvalidOperationException($"'{prefix}' cannot be a Cognito domain prefix: lowercase letters, digits and hyphens only, without {string.Join(", ", ReservedWords)}.");
    }

    private static readonly string[] ReservedWords = ["aws", "amazon", "cognito"];

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPrefixPattern();
}
