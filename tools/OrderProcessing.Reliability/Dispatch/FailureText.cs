using OrderProcessing.Core.Common;
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
}
