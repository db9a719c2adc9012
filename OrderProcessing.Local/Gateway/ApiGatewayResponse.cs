namespace OrderProcessing.Local.Gateway;

/// <summary>A Lambda proxy integration's result, decoded: status, headers (single and multi-value merged) and body bytes.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="Headers">Header names to values; a name from <c>multiValueHeaders</c> replaces the same name from <c>headers</c>, as API Gateway merges them.</param>
/// <param name="Body">The body, base64-decoded when the function said so.</param>
public sealed record ApiGatewayResponse(int StatusCode, IReadOnlyDictionary<string, IReadOnlyList<string>> Headers, byte[] Body);
