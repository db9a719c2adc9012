using System.Net;

namespace OrderProcessing.Functions.Runtime;

/// <summary>The Runtime API refused a call or answered something the specification does not allow.</summary>
public sealed class RuntimeApiException : Exception
{
    /// <summary>Creates the exception for an answer the client cannot read.</summary>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a call the API answered with <paramref name="statusCode"/>.</summary>
    public RuntimeApiException(string message, HttpStatusCode statusCode)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>Creates the exception without detail (serialization and analyzers).</summary>
    public RuntimeApiException()
    {
    }

    /// <summary>Creates the exception wrapping <paramref name="innerException"/>.</summary>
    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The status the API answered, or null when the answer itself was unreadable.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// The specification's "container error": a 500 on any call means the execution environment is in a state it cannot
    /// recover from, and the runtime must exit promptly.
    /// </summary>
    public bool IsContainerError => StatusCode == HttpStatusCode.InternalServerError;
}
