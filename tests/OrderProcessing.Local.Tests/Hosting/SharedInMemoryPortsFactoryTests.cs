using OrderProcessing.Functions.Composition;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Tests.Hosting;

/// <summary>In memory, as on AWS, a function gets exactly the stores its topology entry names, out of one shared set.</summary>
public sealed class SharedInMemoryPortsFactoryTests
{
    private static readonly IReadOnlyDictionary<string, string> Settings = LocalSettings.For(new LocalOptions());

    [Test]
    public void Create_EachFunction_GetsTheSharedStoresItsEntryNamesAndNoOther()
    {
        var all = SystemPorts.InMemory(TimeProvider.System);
        var factory = new SharedInMemoryPortsFactory(all);

        var api = factory.Create(FunctionSettings.Load(SystemTopology.Api, Read));
        var ship = factory.Create(FunctionSettings.Load(SystemTopology.ShipOrder, Read));
        var charge = factory.Create(FunctionSettings.Load(SystemTopology.ChargePayment, Read));

        Assert.That(api.Orders, Is.SameAs(all.Orders));
        Assert.That(api.Idempotency, Is.SameAs(all.Idempotency));
        Assert.That(api.PaymentLedger, Is.Null);
        Assert.That(ship.Inventory, Is.SameAs(all.Inventory));
        Assert.That((ship.PaymentLedger, ship.Idempotency, ship.Invoices), Is.EqualTo((null as object, null as object, null as object)));
        Assert.That(charge.PaymentLedger, Is.SameAs(all.PaymentLedger));
    }

    private static string? Read(string name) => Settings.GetValueOrDefault(name);
}
