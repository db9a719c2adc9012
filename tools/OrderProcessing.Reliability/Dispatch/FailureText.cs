using OrderProcessing.Core.Common;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Reliability.Faults;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>The cause of a failed message as one line: its kind (<c>transient</c>, <c>crash</c>, <c>unexpected X</c>), a colon, the message.</summary>
internal static class FailureText
{
    /// <summary>Describes <paramref name="e"/>.</summary>
    public static string Describe(Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e switch
        {
            TransientFailureException => $"transient: {e.Message}",
            InjectedCrashException => $"crash: {e.Message}",
            _ => $"unexpected {e.GetType().Name}: {e.Message}",
        };
    }

    /// <summary>
    /// Describes what a stage reported through its failure hook: the stage functions word a cause as
    /// <c>text (Namespace.ExceptionType: message)</c>, or the text alone for an unreadable message.
    /// </summary>
    public static string Describe(StageFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var cause = failure.Cause;
        var open = cause.IndexOf(" (", StringComparison.Ordinal);
        if (failure.Kind == StageFailureKind.Poison || open < 0 || !cause.EndsWith(')'))
        {
            return $"unexpected {failure.Kind.ToString().ToLowerInvariant()}: {cause}";
        }

        var error = cause[(open + 2)..^1];
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var type = colon < 0 ? error : error[..colon];
        var message = colon < 0 ? "" : error[(colon + 2)..];
        var name = type[(type.LastIndexOf('.') + 1)..];
        return failure.Kind == StageFailureKind.Transient || name == nameof(TransientFailureException) ? $"transient: {message}"
            : name == nameof(InjectedCrashException) ? $"crash: {message}"
            : $"unexpected {name}: {message}";
    }

    /// <summary>The cause a stage function reports for <paramref name="e"/>, worded as the Lambda stage functions word it.</summary>
    public static StageFailure Report(string stage, string messageId, string orderId, Exception e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new StageFailure(
            stage,
            messageId,
            orderId,
            e is TransientFailureException ? StageFailureKind.Transient : StageFailureKind.Unexpected,
            $"{stage} failed the message ({e.GetType().FullName}: {e.Message})");
    }
}
