namespace OrderProcessing.Core.Common;

/// <summary>A conditional write lost: the stored item is not at the expected version or status. Callers reload and decide again.</summary>
public sealed class ConcurrencyConflictException : ConflictException
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
