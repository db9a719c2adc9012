using OrderProcessing.Functions.Api.Endpoints;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Routing;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Api;

/// <summary>Each route is declared once, in the topology, and the API function binds exactly one endpoint to each.</summary>
public sealed class RouteBindingTests
{
    private static readonly Func<ApiCall, Task<HttpResult>> Unused = _ => throw new InvalidOperationException("not called");

    private TestSystem _system = null!;

    [SetUp]
    public void SetUp() => _system = new TestSystem();

    [Test]
    public void EveryTopologyRoute_HasItsEndpoint_AndNoEndpointLacksARoute()
    {
        Assert.That(_system.Api.Routes, Is.Unique);
        Assert.That(_system.Api.Routes, Is.EquivalentTo(SystemTopology.ApiRoutes));
    }

    [Test]
    public void AnEndpointOnARouteTheTopologyLacks_FailsAtConstruction()
    {
        var refund = new ApiRoute("POST", "/orders/{orderId}/refund", ApiAccess.Customer);

        var e = Assert.Throws<InvalidOperationException>(() => new ApiRouter(SystemTopology.ApiRoutes, [.. Bindings(), new RouteBinding(refund, Unused)]));

        Assert.That(e!.Message, Does.Contain("endpoints without a route [POST /orders/{orderId}/refund]"));
    }

    [Test]
    public void ARouteWithoutAnEndpoint_FailsAtConstruction()
    {
        var bindings = Bindings().Where(b => b.Route != SystemTopology.Routes.GetInvoice).ToList();

        var e = Assert.Throws<InvalidOperationException>(() => new ApiRouter(SystemTopology.ApiRoutes, bindings));

        Assert.That(e!.Message, Does.Contain("routes without an endpoint [GET /orders/{orderId}/invoice]"));
    }

    [Test]
    public void ARouteBoundTwice_FailsAtConstruction()
    {
        var e = Assert.Throws<InvalidOperationException>(() => new ApiRouter(SystemTopology.ApiRoutes, [.. Bindings(), new RouteBinding(SystemTopology.Routes.Health, Unused)]));

        Assert.That(e!.Message, Does.Contain("routes bound twice [GET /health]"));
    }

    [Test]
    public void TheBindings_ServeEveryTopologyRoute()
    {
        Assert.That(() => new ApiRouter(SystemTopology.ApiRoutes, Bindings()), Throws.Nothing);
    }

    private IReadOnlyList<RouteBinding> Bindings() =>
        EndpointBindings.Bind(SystemTopology.Routes, _system.Services, _system.Telemetry(SystemTopology.Api));
}
