namespace OrderProcessing.Core.Common;

/// <summary>A dependency failed in a way that may succeed on retry (throttling, timeout). Queues retry the message with backoff.</summary>
public sealed class TransientFailureException : OrderProcessingException
{
    /// <summary>Creates the exception.</summary>
    public TransientFailureException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
