namespace OrderProcessing.Reliability.BadInput;

/// <summary>The function's answer to a proxy event: status, headers (names case-insensitive) and body text.</summary>
internal sealed record HttpAnswer(int StatusCode, IReadOnlyDictionary<string, string> Headers, string? Body)
{
    /// <summary>The header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
