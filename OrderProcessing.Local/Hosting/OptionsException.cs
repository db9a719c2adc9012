namespace OrderProcessing.Local.Hosting;

/// <summary>A command-line option or environment variable of the local host is unknown or has a bad value.</summary>
public sealed class OptionsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OptionsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public OptionsException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public OptionsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
