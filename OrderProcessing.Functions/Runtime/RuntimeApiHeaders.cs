namespace OrderProcessing.Functions.Runtime;

/// <summary>The header names of the Lambda Runtime API (version 2018-06-01), as AWS's specification spells them.</summary>
public static class RuntimeApiHeaders
{
    /// <summary>The invocation's request id (next-invocation response).</summary>
    public const string RequestId = "Lambda-Runtime-Aws-Request-Id";

    /// <summary>When the invocation times out, in Unix time milliseconds (next-invocation response).</summary>
    public const string DeadlineMs = "Lambda-Runtime-Deadline-Ms";

    /// <summary>The ARN of the function, version or alias invoked (next-invocation response).</summary>
    public const string InvokedFunctionArn = "Lambda-Runtime-Invoked-Function-Arn";

    /// <summary>The X-Ray tracing header (next-invocation response).</summary>
    public const string TraceId = "Lambda-Runtime-Trace-Id";

    /// <summary>The error type of an invocation or initialization error (request header of both error calls).</summary>
    public const string FunctionErrorType = "Lambda-Runtime-Function-Error-Type";

    /// <summary>The path prefix of every call: the API version.</summary>
    public const string VersionPrefix = "/2018-06-01";

    /// <summary>The client context of an invocation from the AWS Mobile SDK, only when set.</summary>
    public const string ClientContext = "Lambda-Runtime-Client-Context";

    /// <summary>The Cognito identity of an invocation from the AWS Mobile SDK, only when set.</summary>
    public const string CognitoIdentity = "Lambda-Runtime-Cognito-Identity";
}
