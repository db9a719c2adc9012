namespace OrderProcessing.Core.Common;

/// <summary>Base of every failure the domain reports on purpose. Hosts map each subtype to one response.</summary>
public abstract class OrderProcessingException : Exception
{
    /// <summary>Creates the exception with a message for operators and clients.</summary>
    protected OrderProcessingException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
