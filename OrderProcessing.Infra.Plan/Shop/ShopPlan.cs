using System.Text.Json.Nodes;
using OrderProcessing.Infra.Plan.Identity;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Shop;

/// <summary>
/// The shop page in AWS: the local host's page (<see cref="SourceFolder"/>, read from the repository, never copied) and a
/// generated <see cref="ConfigKey"/> in a private bucket that only the stack's CloudFront distribution may read (origin access
/// control), served over HTTPS only with security headers.
/// </summary>
/// <param name="BucketNamePrefix">The prefix S3 completes into a globally unique bucket name.</param>
/// <param name="ForceDestroy">Whether <c>pulumi destroy</c> may delete the bucket with its objects (stacks without deletion protection).</param>
/// <param name="Region">The stack's region: the API the page calls lives there.</param>
/// <param name="Auth">How the API authenticates callers; the page signs in through <paramref name="SignIn"/> when it is Cognito.</param>
/// <param name="SignIn">The Cognito sign-in the page uses, or null when the stack does not use Cognito.</param>
public sealed record ShopPlan(string BucketNamePrefix, bool ForceDestroy, string Region, ApiAuthMode Auth, SignInPlan? SignIn)
{
    /// <summary>The name of the distribution's origin access control and response headers policy.</summary>
    public string Name => BucketNamePrefix.TrimEnd('-');

    /// <summary>
    /// <c>Cache-Control</c> of every object: browsers and CloudFront revalidate, so a deployment shows at once (the page is
    /// small, and CloudFront still answers revalidations from its cache).
    /// </summary>
    public const string CacheControl = "no-cache";

    /// <summary>The page's folder, relative to the repository root: the same files the local host serves.</summary>
    public const string SourceFolder = "OrderProcessing.Local/wwwroot";

    /// <summary>The generated object naming the API and the sign-in the page uses.</summary>
    public const string ConfigKey = "config.json";

    /// <summary>The object CloudFront answers <c>/</c> with.</summary>
    public const string DefaultRootObject = "index.html";

    /// <summary>Viewers asking over HTTP are redirected to HTTPS; nothing is served in the clear.</summary>
    public const string ViewerProtocolPolicy = "redirect-to-https";

    /// <summary>CloudFront's managed cache policy <c>Managed-CachingOptimized</c> (an AWS-owned, fixed id).</summary>
    public const string CachingOptimizedPolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    /// <summary>How CloudFront reaches the bucket: requests signed with SigV4, always.</summary>
    public const string OriginAccessControlType = "s3";

    /// <summary>Origin access control's signing: every request is signed.</summary>
    public const string SigningBehavior = "always";

    /// <summary>Origin access control's signing protocol.</summary>
    public const string SigningProtocol = "sigv4";

    /// <summary>Edge locations of North America and Europe only: the cheapest class, enough for one shop.</summary>
    public const string PriceClass = "PriceClass_100";

    /// <summary>The only methods CloudFront forwards: a static page is read, never written.</summary>
    public static IReadOnlyList<string> AllowedMethods { get; } = ["GET", "HEAD"];

    /// <summary><c>Strict-Transport-Security</c> max-age: two years.</summary>
    public const int HstsMaxAgeSeconds = 63_072_000;

    /// <summary><c>X-Frame-Options</c>: the page is never framed (clickjacking).</summary>
    public const string FrameOption = "DENY";

    /// <summary><c>Referrer-Policy</c>: other sites learn the origin at most, never a path with an order id.</summary>
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    /// <summary>
    /// The <c>Content-Security-Policy</c>: scripts, styles and images from the page itself; connections to the stack's API
    /// and to Cognito's hosted domain (the token endpoint); forms and frames nowhere else. The API is named by its regional
    /// host pattern because its id exists only after the API, which itself waits for this distribution's URL (its CORS
    /// origin): naming the exact host would be a cycle.
    /// </summary>
    public string ContentSecurityPolicy
    {
        get
        {
            var connect = $"'self' https://*.execute-api.{Region}.amazonaws.com";
            var form = "'self'";
            if (SignIn is not null)
            {
                connect += $" {SignIn.HostedUiUrl}";
                form += $" {SignIn.HostedUiUrl}";
            }

            return $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src {connect}; "
                + $"form-action {form}; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
        }
    }

    /// <summary>
    /// The page's files under <paramref name="repositoryRoot"/>'s <see cref="SourceFolder"/>, by key. A <see cref="ConfigKey"/>
    /// there is left out: the stack writes its own.
    /// </summary>
    public static IReadOnlyList<ShopFile> Files(string repositoryRoot)
    {
        ArgumentNullException.ThrowIfNull(repositoryRoot);
        var folder = Path.Combine(repositoryRoot, SourceFolder);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"The shop page's folder {folder} does not exist; the stack serves the files of {SourceFolder}.");
        }

        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Key: Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(file => file.Key != ConfigKey)
            .OrderBy(file => file.Key, StringComparer.Ordinal)
            .Select(file => new ShopFile(file.Key, file.Path, ContentType(file.Key)))
            .ToList();
    }

    /// <summary>The <c>Content-Type</c> of a page file by its extension; unknown ones are served as bytes, never sniffed.</summary>
    public static string ContentType(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Path.GetExtension(key).ToLowerInvariant() switch
        {
            ".html" => "text/html; charset=utf-8",
            ".js" or ".mjs" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".json" or ".webmanifest" => "application/json",
            ".svg" => "image/svg+xml",
            ".png" => "image/png",
            ".ico" => "image/x-icon",
            ".webp" => "image/webp",
            ".txt" => "text/plain; charset=utf-8",
            ".woff2" => "font/woff2",
            _ => "application/octet-stream",
        };
    }

    /// <summary>
    /// The page's <c>config.json</c>: where the API is, how it authenticates and, with Cognito, the app client, hosted UI
    /// and redirect URI the page uses for sign-in with PKCE. The page sends the ID token (the authorizer checks it, and it
    /// carries the e-mail and name the API function reads).
    /// </summary>
    /// <param name="apiUrl">The API's base URL (ends with the stage and a slash).</param>
    /// <param name="shopUrl">The page's own URL, the redirect URI after sign-in and sign-out.</param>
    /// <param name="clientId">The app client id; required with Cognito, ignored otherwise.</param>
    public string Config(string apiUrl, string shopUrl, string? clientId)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        ArgumentNullException.ThrowIfNull(shopUrl);
        var config = new JsonObject
        {
            ["apiUrl"] = apiUrl,
            ["auth"] = Auth.Spelling(),
        };
        if (SignIn is not null)
        {
            config["cognito"] = new JsonObject
            {
                ["clientId"] = clientId ?? throw new ArgumentNullException(nameof(clientId), "The page needs the app client id to sign in."),
                ["domain"] = SignIn.HostedUiUrl,
                ["redirectUri"] = shopUrl,
                ["logoutUri"] = shopUrl,
                ["scopes"] = new JsonArray([.. SignInPlan.OAuthScopes.Select(s => JsonValue.Create(s))]),
            };
        }

        return config.ToJsonString(PlanJson.Options);
    }

    /// <summary>The shop's URL on CloudFront's domain (<c>https://d111111abcdef8.cloudfront.net/</c>): redirect URIs end with the slash.</summary>
    public static string Url(string distributionDomain) => $"https://{distributionDomain}/";

    /// <summary>The page's browser origin (no path): what the API allows when the stack allows only its shop.</summary>
    public static string Origin(string distributionDomain) => $"https://{distributionDomain}";
}
