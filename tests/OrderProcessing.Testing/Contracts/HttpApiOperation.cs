namespace OrderProcessing.Testing.Contracts;

/// <summary>One operation of the HTTP API's OpenAPI document.</summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">The path template (<c>/orders/{orderId}</c>).</param>
/// <param name="Access">Its <c>x-orderprocessing-access</c>, or null when missing.</param>
/// <param name="SecuritySchemes">The schemes of its <c>security</c> requirements; empty for none (public), null when the member is missing.</param>
/// <param name="Responses">The status codes of its responses (<c>200</c>, <c>404</c>, ...).</param>
public sealed record HttpApiOperation(string Method, string Path, string? Access, IReadOnlyList<string>? SecuritySchemes, IReadOnlyList<string> Responses)
{
    /// <summary>The route key, as <c>ApiRoute.Key</c> spells it: <c>GET /orders/{orderId}</c>.</summary>
    public string Key => $"{Method} {Path}";
}
