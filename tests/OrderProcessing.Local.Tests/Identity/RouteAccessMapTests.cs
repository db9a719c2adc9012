using OrderProcessing.Local.Identity;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>The host finds the declared route of a request, as API Gateway matches a resource, to know whether it is guarded.</summary>
public sealed class RouteAccessMapTests
{
    private static readonly ApiRoute Mine = new("GET", "/customers/me/orders", ApiAccess.Customer);
    private static readonly ApiRoute Anyone = new("GET", "/customers/{customerId}/orders", ApiAccess.Operator);

    [TestCase(0)]
    [TestCase(1)]
    public void LiteralSegment_AndParameterBothMatch_LiteralWinsInAnyOrder(int order)
    {
        var map = new RouteAccessMap(order == 0 ? [Mine, Anyone] : [Anyone, Mine]);

        Assert.That(map.Find("GET", "/customers/me/orders"), Is.SameAs(Mine));
        Assert.That(map.Find("GET", "/customers/c-42/orders"), Is.SameAs(Anyone));
    }

    [TestCase("POST", "/customers/c-42/orders")]
    [TestCase("GET", "/customers/c-42")]
    [TestCase("GET", "/customers/c-42/orders/extra")]
    [TestCase("GET", "/nowhere")]
    public void NoDeclaredRoute_IsNull_SoTheFunctionAnswersIt(string method, string path)
    {
        var map = new RouteAccessMap([Mine, Anyone]);

        Assert.That(map.Find(method, path), Is.Null);
    }

    [Test]
    public void EveryTopologyRoute_MatchedWithConcreteValues_IsFoundAsItself()
    {
        var map = new RouteAccessMap(SystemTopology.ApiRoutes);

        Assert.That(SystemTopology.ApiRoutes.Where(r => map.Find(r.Method, r.Path.Replace("{", "x-", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)) != r), Is.Empty);
    }
}
