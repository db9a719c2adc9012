namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>
/// An HTTP request as it reaches API Gateway, before it becomes a proxy event: method, path (without stage or query),
/// headers and query parameters in arrival order (a name given twice has two values) and the body as API Gateway passes
/// it on (text, or base64 for a binary media type).
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, for example <c>/orders/ord_1</c>.</param>
public sealed record ApiGatewayHttpRequest(string Method, string Path)
{
    /// <summary>The headers; header names compare case-insensitively, as in HTTP.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The query parameters, decoded.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>The body, or null without one.</summary>
    public string? Body { get; init; }

    /// <summary>True when <see cref="Body"/> is base64.</summary>
    public bool IsBase64Encoded { get; init; }
}
