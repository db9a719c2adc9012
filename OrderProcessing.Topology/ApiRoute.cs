namespace OrderProcessing.Topology;

/// <summary>
/// One route of the HTTP API, declared once as a member of <see cref="SystemTopology.Routes"/>: the API function binds
/// one endpoint to each and the Pulumi program declares exactly these on API Gateway, so a route cannot exist in one
/// place and not the other.
/// </summary>
/// <param name="Method">Upper-case HTTP method.</param>
/// <param name="Path">Path template with <c>{name}</c> parameters, for example <c>/orders/{orderId}</c>.</param>
/// <param name="Access">Who may call it.</param>
public sealed record ApiRoute(string Method, string Path, ApiAccess Access)
{
    /// <summary>The route's key, <c>GET /orders/{orderId}</c>: its name in logs and metrics.</summary>
    public string Key => $"{Method} {Path}";

    /// <summary>The path's segments; parameters keep their braces.</summary>
    public IReadOnlyList<string> Segments => Path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether the request carries a JSON body (<c>POST</c>, <c>PUT</c>, <c>PATCH</c>).</summary>
    public bool TakesBody => Method is "POST" or "PUT" or "PATCH";
}
