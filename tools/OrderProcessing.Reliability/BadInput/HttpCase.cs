namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// One request of the bad-input run, as API Gateway would hand it to the function: method, path (and the path
/// parameters API Gateway extracts), query, headers and body (base64 when it is not text). <see cref="Family"/> says
/// which generator or corpus entry made it, <see cref="Description"/> what is wrong with it.
/// </summary>
internal sealed record HttpCase(
    string Family,
    string Description,
    string Method,
    string Path,
    string Resource,
    IReadOnlyDictionary<string, string>? PathParameters,
    IReadOnlyDictionary<string, string>? Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    bool BodyIsBase64 = false);
