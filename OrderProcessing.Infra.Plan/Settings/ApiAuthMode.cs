namespace OrderProcessing.Infra.Plan.Settings;

/// <summary>How callers authenticate to the REST API.</summary>
public enum ApiAuthMode
{
    /// <summary>An API key in the <c>x-api-key</c> header, tied to a usage plan that throttles it.</summary>
    ApiKey,

    /// <summary>Requests signed with SigV4 by a principal allowed <c>execute-api:Invoke</c>.</summary>
    Iam,

    /// <summary>
    /// Customers and operators sign in to the stack's Cognito user pool; API Gateway's Cognito authorizer verifies the ID
    /// token on every route that is not public and passes its claims to the API function.
    /// </summary>
    Cognito,
}
