namespace OrderProcessing.Reliability.Faults;

/// <summary>
/// Thrown by a fault decorator after the wrapped call succeeded: the side effect happened but the caller never learns
/// it, as when a Lambda dies before deleting its SQS message. Deliberately not a domain exception, so handlers treat it
/// as unexpected and the message is delivered again.
/// </summary>
public sealed class InjectedCrashException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InjectedCrashException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InjectedCrashException()
        : base("injected crash")
    {
    }

    /// <summary>Creates the exception.</summary>
    public InjectedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
