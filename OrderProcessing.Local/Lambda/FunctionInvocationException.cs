namespace OrderProcessing.Local.Lambda;

/// <summary>
/// An invocation through the <see cref="RuntimeApiServer"/> that failed as Lambda reports a failed invocation: the
/// function's own error (posted to the error path), its init error (<c>Runtime.InitError</c>), a response over the
/// payload limit (<c>Function.ResponseSizeTooLarge</c>) or its timeout (<c>Sandbox.Timedout</c>).
/// </summary>
public sealed class FunctionInvocationException : Exception
{
    /// <summary>The error type of an invocation that passed its deadline.</summary>
    public const string TimeoutErrorType = "Sandbox.Timedout";

    /// <summary>The error type of every invocation of a function whose runtime reported an init error.</summary>
    public const string InitErrorType = "Runtime.InitError";

    /// <summary>The error type of an invocation whose response was over the payload limit.</summary>
    public const string ResponseSizeTooLargeErrorType = "Function.ResponseSizeTooLarge";

    /// <summary>Creates the exception for <paramref name="function"/>'s failed invocation.</summary>
    public FunctionInvocationException(string function, string requestId, RuntimeApiError error)
        : base($"Function '{function}' failed invocation {requestId}: {error?.ErrorType}: {error?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(error);
        Function = function;
        RequestId = requestId;
        ErrorType = error.ErrorType ?? "Unhandled";
        ErrorMessage = error.ErrorMessage ?? "";
        FunctionStackTrace = error.StackTrace ?? [];
    }

    /// <summary>Creates an exception with a message only.</summary>
    public FunctionInvocationException()
        : this("", "", new RuntimeApiError("", null))
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public FunctionInvocationException(string message)
        : this("", "", new RuntimeApiError(message, null))
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    public FunctionInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Function = "";
        RequestId = "";
        ErrorType = "Unhandled";
        ErrorMessage = message;
        FunctionStackTrace = [];
    }

    /// <summary>The function's topology name.</summary>
    public string Function { get; }

    /// <summary>The invocation's request id.</summary>
    public string RequestId { get; }

    /// <summary>The error type, as Lambda reports it to the caller.</summary>
    public string ErrorType { get; }

    /// <summary>The error message.</summary>
    public string ErrorMessage { get; }

    /// <summary>The function's stack trace lines, when it sent them.</summary>
    public IReadOnlyList<string> FunctionStackTrace { get; }

    /// <summary>True when the invocation passed its deadline.</summary>
    public bool IsTimeout => ErrorType == TimeoutErrorType;
}
