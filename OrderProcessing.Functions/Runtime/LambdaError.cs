using System.Text.Json.Serialization;
using OrderProcessing.Functions.Observability;

namespace OrderProcessing.Functions.Runtime;

/// <summary>The error body of the Runtime API's invocation-error and init-error calls, as the specification shapes it.</summary>
/// <param name="ErrorMessage">What went wrong.</param>
/// <param name="ErrorType">The error's type (the exception's full type name).</param>
/// <param name="StackTrace">The stack trace, one frame a line.</param>
public sealed record LambdaError(
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    /// <summary>
    /// The error describing <paramref name="exception"/>, scrubbed as the function's log lines are: a synchronous caller
    /// receives this body, so it must not carry an email address or payment token an exception message quoted.
    /// </summary>
    public static LambdaError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? "")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(LogScrubber.Scrub)
            .ToList();
        return new LambdaError(LogScrubber.Scrub(exception.Message), exception.GetType().FullName ?? exception.GetType().Name, frames);
    }
}
