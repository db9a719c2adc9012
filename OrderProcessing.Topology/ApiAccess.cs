namespace OrderProcessing.Topology;

/// <summary>
/// Who may call an <see cref="ApiRoute"/>. The API function enforces it, the API Gateway document puts the authorizer on
/// every route that is not <see cref="Public"/>, and the OpenAPI document states it per operation: one table, three readers.
/// </summary>
public enum ApiAccess
{
    /// <summary>Anyone, without a token: the catalog and liveness.</summary>
    Public,

    /// <summary>A signed-in customer, on their own orders only (someone else's order is answered <c>404</c>); operators too.</summary>
    Customer,

    /// <summary>Operators only (the <c>operators</c> group, or an IAM or API-key caller where the stack authenticates so).</summary>
    Operator,
}
