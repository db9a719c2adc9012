namespace OrderProcessing.Local.Lambda;

/// <summary>The header names of the Lambda Runtime API (version 2018-06-01), as AWS's specification spells them.</summary>
public static class RuntimeApiHeaders
{
    /// <summary>The path prefix of every call: the API version.</summary>
    public const string VersionPrefix = "/2018-06-01";

    /// <summary>The id of the invocation, given by <c>next</c> and named in the response and error paths.</summary>
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";

    /// <summary>When the invocation times out, in Unix milliseconds.</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";

    /// <summary>The ARN of the function invoked.</summary>
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";

    /// <summary>The X-Ray trace header, which the runtime puts into <c>_X_AMZN_TRACE_ID</c>.</summary>
    public const string TraceId = "Lambda-Runtime-Trace-Id";

    /// <summary>The client context of an invocation from the AWS Mobile SDK, only when set.</summary>
    public const string ClientContext = "Lambda-Runtime-Client-Context";

    /// <summary>The Cognito identity of an invocation from the AWS Mobile SDK, only when set.</summary>
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";

    /// <summary>The error type a runtime may send with an invocation or init error.</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";
}
