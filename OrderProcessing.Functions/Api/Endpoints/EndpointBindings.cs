using OrderProcessing.Functions.Api.Routing;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Endpoints;

/// <summary>The one place each endpoint meets its route: every route of the topology, by name, bound to what serves it.</summary>
internal static class EndpointBindings
{
    public static IReadOnlyList<RouteBinding> Bind(ApiRouteSet routes, SystemServices services, Telemetry telemetry)
    {
        var orders = new OrderEndpoints(services.Orders, telemetry);
        var catalog = new CatalogEndpoints(services.Catalog, telemetry);
        var health = new HealthEndpoint(telemetry.Environment);
        return
        [
            new(routes.PlaceOrder, orders.PlaceAsync),
            new(routes.ListOrders, orders.ListAsync),
            new(routes.GetOrder, orders.GetAsync),
            new(routes.MoveOrder, orders.MoveAsync),
            new(routes.DeleteOrder, orders.DeleteAsync),
            new(routes.CancelOrder, orders.CancelAsync),
            new(routes.GetInvoice, orders.InvoiceAsync),
            new(routes.ListCustomerOrders, orders.ListByCustomerAsync),
            new(routes.ListMyOrders, orders.ListMineAsync),
            new(routes.ExportMyOrders, orders.ExportMineAsync),
            new(routes.ExportCustomerOrders, orders.ExportByCustomerAsync),
            new(routes.ListProducts, catalog.ListAsync),
            new(routes.GetProduct, catalog.GetAsync),
            new(routes.PutProduct, catalog.PutAsync),
            new(routes.Health, health.GetAsync),
            new(routes.OpenApiDocument, OpenApiEndpoint.GetAsync),
        ];
    }
}
