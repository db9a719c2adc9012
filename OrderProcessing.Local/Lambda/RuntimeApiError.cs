using System.Text.Json.Serialization;

namespace OrderProcessing.Local.Lambda;

/// <summary>
/// An error as the Runtime API carries it both ways: the body a runtime posts to the error paths
/// (<c>errorMessage</c>, <c>errorType</c>, <c>stackTrace</c>) and the body the API answers a bad call with (the same
/// members without a stack trace).
/// </summary>
/// <param name="ErrorMessage">What went wrong.</param>
/// <param name="ErrorType">The kind of error (an exception type, or an API error such as <c>InvalidRequestID</c>).</param>
/// <param name="StackTrace">The stack trace lines, when the runtime sent them.</param>
public sealed record RuntimeApiError(
    [property: JsonPropertyName("errorMessage")] string? ErrorMessage,
    [property: JsonPropertyName("errorType")] string? ErrorType,
    [property: JsonPropertyName("stackTrace"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? StackTrace = null);
