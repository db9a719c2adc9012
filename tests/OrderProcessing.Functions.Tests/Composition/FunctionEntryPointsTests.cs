using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Tests.Composition;

/// <summary>The entry-point table the bootstrap dispatches <c>_HANDLER</c> with covers the topology exactly and refuses anything else by name.</summary>
public sealed class FunctionEntryPointsTests
{
    private static IEnumerable<TestCaseData> Functions() =>
        SystemTopology.Functions.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    [Test]
    public void Table_NamesExactlyTheTopologysFunctions()
    {
        Assert.That(FunctionEntryPoints.Names, Is.EquivalentTo(SystemTopology.Functions.Select(f => f.Handler)));
    }

    [TestCaseSource(nameof(Functions))]
    public void EveryTopologyFunction_HasAnEntryPointComposedFromItsBootstrap(FunctionDefinition function)
    {
        var bootstrap = FunctionBootstrap.Create(function, name => name switch { SettingNames.InvoiceLinkSeconds => "60", SettingNames.ApiAuth => "none", SettingNames.MailSender => "shop@example.com", SettingNames.MailLinkBaseUrl => null, _ => "test" }, new InMemoryPortsFactory(), TextWriter.Null);

        var entryPoint = FunctionEntryPoints.Create(FunctionEntryPoints.Find(function.Handler), bootstrap);

        Assert.That(entryPoint.Name, Is.EqualTo(function.Name));
        Assert.That(entryPoint.Telemetry, Is.SameAs(bootstrap.Telemetry));
    }

    [TestCase("no-such-function")]
    [TestCase("OrderProcessing.Functions::OrderProcessing.Functions.Api.ApiFunction::HandleAsync")]
    [TestCase("")]
    [TestCase(null)]
    public void Find_UnknownHandler_IsRefusedNamingItAndTheKnownOnes(string? handler)
    {
        var error = Assert.Throws<UnknownFunctionException>(() => FunctionEntryPoints.Find(handler));

        Assert.That(error!.Message, Does.Contain($"'{handler}'").And.Contain("api").And.Contain("compensate"));
        Assert.That(error.Name, Is.EqualTo(handler));
    }

    [Test]
    public void Create_FunctionTheTableDoesNotKnow_IsRefusedNamingIt()
    {
        var bootstrap = FunctionBootstrap.Create(SystemTopology.ShipOrder, _ => "test", new InMemoryPortsFactory(), TextWriter.Null);

        Assert.That(() => FunctionEntryPoints.Create(SystemTopology.ShipOrder with { Name = "ship-by-drone" }, bootstrap), Throws.TypeOf<UnknownFunctionException>().With.Message.Contains("'ship-by-drone'"));
    }

    [Test]
    public void Create_BootstrapOfAnotherFunction_IsRefused()
    {
        var bootstrap = FunctionBootstrap.Create(SystemTopology.ShipOrder, _ => "test", new InMemoryPortsFactory(), TextWriter.Null);

        Assert.Throws<ArgumentException>(() => FunctionEntryPoints.Create(SystemTopology.ChargePayment, bootstrap));
    }
}
