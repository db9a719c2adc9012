namespace OrderProcessing.Local.Lambda;

/// <summary>What a <see cref="RuntimeApiServer"/> serves: which function, and how Lambda would run it.</summary>
public sealed record RuntimeApiServerOptions
{
    /// <summary>The function's topology name (its <c>_HANDLER</c> and the last part of its ARN).</summary>
    public required string FunctionName { get; init; }

    /// <summary>How long an invocation may run once the runtime has taken it (the function's timeout in the topology).</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The region named in the function's ARN.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account named in the function's ARN; a local host has none, so a placeholder.</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>The largest response Lambda accepts from a function (synchronous invocation: 6 MB).</summary>
    public int MaxResponseBytes { get; init; } = RuntimeApiServer.MaxResponseBytesDefault;

    /// <summary>The port to listen on; 0 picks a free one (the default).</summary>
    public int Port { get; init; }

    /// <summary>The invoked function's ARN, as the <c>Lambda-Runtime-Invoked-Function-Arn</c> header carries it.</summary>
    public string FunctionArn => $"arn:aws:lambda:{Region}:{AccountId}:function:{FunctionName}";
}
