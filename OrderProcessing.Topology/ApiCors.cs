namespace OrderProcessing.Topology;

/// <summary>
/// What a browser on another origin (the shop page behind CloudFront) may send to the HTTP API and read from its
/// answers. Both the API function's CORS step and API Gateway's preflight and gateway responses read these lists, so a
/// header allowed by one is allowed by the other.
/// </summary>
public static class ApiCors
{
    /// <summary>
    /// Request headers a browser may send: the JSON body's type, the ID token (<c>Authorization: Bearer</c>, also SigV4's
    /// header), the API key, the idempotency key and SigV4's date and session token.
    /// </summary>
    public static IReadOnlyList<string> AllowHeaders { get; } =
        ["Content-Type", "Authorization", "X-Api-Key", "Idempotency-Key", "X-Amz-Date", "X-Amz-Security-Token"];

    /// <summary>Response headers a page may read besides the CORS-safelisted ones.</summary>
    public static IReadOnlyList<string> ExposeHeaders { get; } = ["Location", "Retry-After", "Idempotent-Replayed", "WWW-Authenticate"];
}
