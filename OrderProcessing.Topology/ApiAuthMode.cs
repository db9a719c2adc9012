namespace OrderProcessing.Topology;

/// <summary>
/// How callers of the HTTP API are authenticated and identified: the stack setting <c>order-processing:apiAuth</c>
/// chooses it for a deployment, and the API function reads it from <see cref="SettingNames.ApiAuth"/>. Spellings are in
/// <see cref="ApiAuthModes"/>.
/// </summary>
public enum ApiAuthMode
{
    /// <summary>
    /// <c>cognito</c>: customers and operators sign in to the stack's Cognito user pool; API Gateway's Cognito authorizer
    /// (or the local host) verifies the ID token on every route that is not public and passes its claims to the function.
    /// </summary>
    Cognito,

    /// <summary><c>iam</c>: requests signed with SigV4 by a principal allowed <c>execute-api:Invoke</c>; every caller API Gateway lets through is an operator (a machine caller).</summary>
    Iam,

    /// <summary><c>apiKey</c>: an API key in the <c>x-api-key</c> header, tied to a usage plan that throttles it; every caller API Gateway lets through is an operator.</summary>
    ApiKey,

    /// <summary><c>none</c>: no checking at all (the local host's <c>--auth none</c>, tests); every caller is an operator. Never deployed.</summary>
    None,
}
