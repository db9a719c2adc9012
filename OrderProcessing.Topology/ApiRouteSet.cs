namespace OrderProcessing.Topology;

/// <summary>
/// The routes of the HTTP API (design section 3), each declared once as a named member: the API function binds each
/// endpoint to one of these objects and the Pulumi plan reads <see cref="All"/>, so a route is never spelled twice.
/// </summary>
public sealed class ApiRouteSet
{
    private readonly List<ApiRoute> _all = [];

    internal ApiRouteSet()
    {
        // Each member is declared through Declare, which also lists it: a member cannot be left out of All.
        PlaceOrder = Declare("POST", "/orders", ApiAccess.Customer);
        ListOrders = Declare("GET", "/orders", ApiAccess.Operator);
        GetOrder = Declare("GET", "/orders/{orderId}", ApiAccess.Customer);
        MoveOrder = Declare("PATCH", "/orders/{orderId}", ApiAccess.Operator);
        DeleteOrder = Declare("DELETE", "/orders/{orderId}", ApiAccess.Operator);
        CancelOrder = Declare("POST", "/orders/{orderId}/cancel", ApiAccess.Customer);
        GetInvoice = Declare("GET", "/orders/{orderId}/invoice", ApiAccess.Customer);
        ListCustomerOrders = Declare("GET", "/customers/{customerId}/orders", ApiAccess.Operator);
        ListMyOrders = Declare("GET", "/customers/me/orders", ApiAccess.Customer);
        ExportMyOrders = Declare("GET", "/customers/me/orders/export", ApiAccess.Customer);
        ExportCustomerOrders = Declare("GET", "/customers/{customerId}/orders/export", ApiAccess.Operator);
        ListProducts = Declare("GET", "/products", ApiAccess.Public);
        GetProduct = Declare("GET", "/products/{productId}", ApiAccess.Public);
        PutProduct = Declare("PUT", "/products/{productId}", ApiAccess.Operator);
        Health = Declare("GET", "/health", ApiAccess.Public);
        OpenApiDocument = Declare("GET", "/openapi.json", ApiAccess.Public);
    }

    /// <summary><c>POST /orders</c>: places an order (optional <c>Idempotency-Key</c>).</summary>
    public ApiRoute PlaceOrder { get; }

    /// <summary><c>GET /orders</c>: lists orders, newest first, optionally by status.</summary>
    public ApiRoute ListOrders { get; }

    /// <summary><c>GET /orders/{orderId}</c>: one order.</summary>
    public ApiRoute GetOrder { get; }

    /// <summary><c>PATCH /orders/{orderId}</c>: an operator's move of an order's status.</summary>
    public ApiRoute MoveOrder { get; }

    /// <summary><c>DELETE /orders/{orderId}</c>: deletes a terminal order.</summary>
    public ApiRoute DeleteOrder { get; }

    /// <summary><c>POST /orders/{orderId}/cancel</c>: cancels an order on request.</summary>
    public ApiRoute CancelOrder { get; }

    /// <summary><c>GET /orders/{orderId}/invoice</c>: the invoice PDF or a time-limited link to it.</summary>
    public ApiRoute GetInvoice { get; }

    /// <summary><c>GET /customers/{customerId}/orders</c>: one customer's orders, newest first.</summary>
    public ApiRoute ListCustomerOrders { get; }

    /// <summary><c>GET /customers/me/orders</c>: the signed-in customer's own orders, newest first (the literal <c>me</c> wins over <c>{customerId}</c>).</summary>
    public ApiRoute ListMyOrders { get; }

    /// <summary><c>GET /customers/me/orders/export</c>: the signed-in customer's whole history as a CSV or JSON download.</summary>
    public ApiRoute ExportMyOrders { get; }

    /// <summary><c>GET /customers/{customerId}/orders/export</c>: an operator's export of one customer's whole history.</summary>
    public ApiRoute ExportCustomerOrders { get; }

    /// <summary><c>GET /products</c>: the catalog.</summary>
    public ApiRoute ListProducts { get; }

    /// <summary><c>GET /products/{productId}</c>: one product.</summary>
    public ApiRoute GetProduct { get; }

    /// <summary><c>PUT /products/{productId}</c>: creates or updates a product and its stock.</summary>
    public ApiRoute PutProduct { get; }

    /// <summary><c>GET /health</c>: liveness.</summary>
    public ApiRoute Health { get; }

    /// <summary><c>GET /openapi.json</c>: the API's OpenAPI 3.1 document (<c>contracts/http-api/v1/openapi.json</c>).</summary>
    public ApiRoute OpenApiDocument { get; }

    /// <summary>Every route, in declaration order (the order of <c>Allow</c> and of the API's documentation).</summary>
    public IReadOnlyList<ApiRoute> All => _all;

    private ApiRoute Declare(string method, string path, ApiAccess access)
    {
        var route = new ApiRoute(method, path, access);
        _all.Add(route);
        return route;
    }
}
