namespace OrderProcessing.Core.Common;

/// <summary>The request is well formed but breaks a rule of the resource's current state. HTTP 409.</summary>
public class ConflictException : OrderProcessingException
{
    /// <summary>Creates the exception.</summary>
    public ConflictException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
