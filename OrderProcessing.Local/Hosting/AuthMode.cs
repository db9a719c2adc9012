namespace OrderProcessing.Local.Hosting;

/// <summary>Whether the local host checks callers' tokens (<c>--auth</c>).</summary>
public enum AuthMode
{
    /// <summary>
    /// The host verifies each token itself, as API Gateway's Cognito authorizer does in AWS, against the key it creates
    /// at start, and hands the function the token's claims; the function runs with <c>API_AUTH=cognito</c>.
    /// </summary>
    Cognito,

    /// <summary>No checking: tokens are ignored and the function, with <c>API_AUTH=none</c>, treats every caller as an operator. For scripts and load tools.</summary>
    None,
}
