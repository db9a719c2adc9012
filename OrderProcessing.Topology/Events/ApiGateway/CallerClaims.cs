namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>
/// The claims the API function reads from <c>requestContext.authorizer.claims</c> of a proxy event. In AWS the REST API's
/// Cognito authorizer verifies the token and puts its claims there (as strings); the local host verifies its own tokens
/// and fills the same place, so the function has one way to learn who calls. The function trusts only this place,
/// never a header or the body.
/// </summary>
public static class CallerClaims
{
    /// <summary>The <c>authorizer</c> member that holds the verified claims.</summary>
    public const string ClaimsProperty = "claims";

    /// <summary>The token's subject: the customer id.</summary>
    public const string Subject = "sub";

    /// <summary>The customer's e-mail address.</summary>
    public const string Email = "email";

    /// <summary>The customer's display name (optional).</summary>
    public const string Name = "name";

    /// <summary>Cognito's group membership claim.</summary>
    public const string Groups = "cognito:groups";

    /// <summary>The group whose members are operators: the Cognito group's name and the local token's group.</summary>
    public const string OperatorsGroup = "operators";
}
