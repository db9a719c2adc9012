namespace OrderProcessing.Local.Gateway;

/// <summary>The deployment facts an API Gateway REST API puts in each proxy event's <c>requestContext</c>.</summary>
/// <param name="Stage">The stage name (<c>local</c>).</param>
/// <param name="AccountId">The account id.</param>
/// <param name="ApiId">The REST API id.</param>
public sealed record ApiGatewayRequestContext(string Stage = "local", string AccountId = "000000000000", string ApiId = "local");
