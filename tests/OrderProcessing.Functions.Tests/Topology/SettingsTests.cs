using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Testing.Time;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Tests.Topology;

/// <summary>Functions read their configuration once, only what the topology lists, and stop naming what is missing.</summary>
public sealed class SettingsTests
{
    private static IEnumerable<TestCaseData> Functions() =>
        SystemTopology.Functions.Select(f => new TestCaseData(f).SetArgDisplayNames(f.Name));

    private static IEnumerable<TestCaseData> RequiredSettings() =>
        SystemTopology.Functions.SelectMany(f => f.Settings.Select(s => new TestCaseData(f, s).SetArgDisplayNames(f.Name, s)));

    [TestCaseSource(nameof(Functions))]
    public void EverySettingAFunctionReads_IsListedInItsTopology(FunctionDefinition function)
    {
        var read = new List<string>();
        var values = AllSettings(function);

        // The AWS composition is the one deployed; it builds clients without contacting the (unreachable) endpoints.
        var bootstrap = FunctionBootstrap.Create(function, name => { read.Add(name); return values.GetValueOrDefault(name); }, new AwsPortsFactory(), TextWriter.Null);
        Construct(function, bootstrap);

        Assert.That(read, Is.SubsetOf(function.Settings.Concat(function.OptionalSettings)));
        Assert.That(read, Is.Unique, "each setting is read once");
    }

    [TestCaseSource(nameof(Functions))]
    public void OnAws_AFunctionGetsExactlyTheStoresItsTopologyNames(FunctionDefinition function)
    {
        var settings = FunctionSettings.Load(function, AllSettings(function).GetValueOrDefault);

        var ports = new AwsPortsFactory().Create(settings);

        Assert.That(ports.Orders is not null, Is.EqualTo(function.Settings.Contains(StorageSchema.Orders.EnvironmentVariable)), "orders");
        Assert.That(ports.Catalog is not null && ports.Inventory is not null, Is.EqualTo(function.Settings.Contains(StorageSchema.Products.EnvironmentVariable)), "products");
        Assert.That(ports.PaymentLedger is not null, Is.EqualTo(function.Settings.Contains(StorageSchema.Payments.EnvironmentVariable)), "payments");
        Assert.That(ports.Idempotency is not null, Is.EqualTo(function.Settings.Contains(StorageSchema.Idempotency.EnvironmentVariable)), "idempotency");
        Assert.That(ports.Invoices is not null, Is.EqualTo(function.Settings.Contains(StorageSchema.Invoices.EnvironmentVariable)), "invoices");
    }

    [TestCaseSource(nameof(Functions))]
    public void OnAws_EveryStoreAFunctionNeeds_IsNamedInItsTopology(FunctionDefinition function)
    {
        // Composing the function touches every service it uses; a store missing from its settings would throw here.
        var bootstrap = FunctionBootstrap.Create(function, AllSettings(function).GetValueOrDefault, new AwsPortsFactory(), TextWriter.Null);

        Assert.DoesNotThrow(() => Construct(function, bootstrap));
    }

    [TestCase(SettingNames.DynamoDbEndpoint)]
    [TestCase(SettingNames.S3Endpoint)]
    [TestCase(SettingNames.SesEndpoint)]
    public void MalformedEndpoint_StopsTheFunction_NamingIt(string setting)
    {
        var function = SystemTopology.Functions.First(f => f.OptionalSettings.Contains(setting));
        var values = AllSettings(function);
        values[setting] = "localhost:4566";

        var error = Assert.Throws<InvalidOperationException>(() => FunctionBootstrap.Create(function, values.GetValueOrDefault, new AwsPortsFactory(), TextWriter.Null));

        Assert.That(error!.Message, Does.Contain(setting));
    }

    [Test]
    public void InvoiceLinkLifetimeBeyondWhatS3Signs_StopsTheFunction_NamingIt()
    {
        var values = AllSettings(SystemTopology.Api);
        values[SettingNames.InvoiceLinkSeconds] = (8 * 24 * 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<InvalidOperationException>(() => FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new AwsPortsFactory(), TextWriter.Null));

        Assert.That(error!.Message, Does.Contain(SettingNames.InvoiceLinkSeconds).And.Contain("604800"));
    }

    [Test]
    public async Task InvoiceLinkLifetime_FromItsSetting_IsTheLifetimeOfTheLinksHandedOut()
    {
        var values = AllSettings(SystemTopology.Api);
        values[SettingNames.InvoiceLinkSeconds] = "90";
        var store = new LinkingInvoiceStore();
        var ports = SystemPorts.InMemory(TestClock.New()) with { Invoices = store };
        var services = FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(ports), TextWriter.Null).Services;
        await ports.Catalog!.UpsertAsync("sku-1", "Widget", new Money(5m, Currency.Usd), 3);
        var request = new PlaceOrderRequest("c-1", "a@b.example", "A B", [new OrderLineRequest("sku-1", 1)], "tok_visa", new AddressRequest("1 Main St", null, "Town", null, "1", "US"));
        var orderId = (await services.Orders.PlaceAsync(request, null)).Order.OrderId;
        foreach (var stage in new IOrderStage[] { services.ReserveInventory, services.ChargePayment, services.ShipOrder, services.GenerateInvoice })
        {
            await stage.HandleAsync(orderId);
        }

        await services.Orders.GetInvoiceAsync(orderId);

        Assert.That(store.LastLifetime, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [TestCaseSource(nameof(RequiredSettings))]
    public void MissingRequiredSetting_StopsTheFunction_NamingIt(FunctionDefinition function, string setting)
    {
        var values = AllSettings(function);
        values.Remove(setting);

        var error = Assert.Throws<MissingSettingException>(() => FunctionBootstrap.Create(function, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null));

        Assert.That(error!.Message, Does.StartWith($"{setting} is not set"));
        Assert.That(error.Names, Is.EqualTo(new[] { setting }));
    }

    [Test]
    public void BlankSetting_CountsAsMissing()
    {
        var values = AllSettings(SystemTopology.Api);
        values[StorageSchema.Orders.EnvironmentVariable] = "  ";

        var error = Assert.Throws<MissingSettingException>(() => FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null));

        Assert.That(error!.Message, Does.Contain("ORDERS_TABLE is not set"));
    }

    [Test]
    public void MalformedInvoiceLinkLifetime_StopsTheFunction_NamingIt()
    {
        var values = AllSettings(SystemTopology.Api);
        values[SettingNames.InvoiceLinkSeconds] = "five minutes";

        var error = Assert.Throws<InvalidOperationException>(() => FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null));

        Assert.That(error!.Message, Does.Contain(SettingNames.InvoiceLinkSeconds));
    }

    [Test]
    public void CorsOrigins_AreReadFromTheirSetting()
    {
        var values = AllSettings(SystemTopology.Api);
        values[SettingNames.CorsAllowOrigin] = "https://a.example, https://b.example";
        var bootstrap = FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null);

        Assert.That(ApiOptions.FromSettings(bootstrap.Settings).AllowedOrigins, Is.EqualTo(new[] { "https://a.example", "https://b.example" }));
    }

    [Test]
    public void ApiFunction_WithoutApiAuth_FailsNamingTheSetting()
    {
        var values = AllSettings(SystemTopology.Api);
        values.Remove(SettingNames.ApiAuth);

        var error = Assert.Catch(() => FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null));

        Assert.That(error!.Message, Does.Contain(SettingNames.ApiAuth));
    }

    [TestCase("Cognito")]
    [TestCase("jwt")]
    public void ApiFunction_WithAnUnknownApiAuth_FailsNamingTheSettingAndItsValues(string value)
    {
        var values = AllSettings(SystemTopology.Api);
        values[SettingNames.ApiAuth] = value;
        var bootstrap = FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null);

        var error = Assert.Throws<InvalidOperationException>(() => new ApiFunction(bootstrap));

        Assert.That(error!.Message, Does.Contain(SettingNames.ApiAuth).And.Contain("cognito, iam, apiKey, none"));
    }

    [TestCase("cognito", ApiAuthMode.Cognito)]
    [TestCase("iam", ApiAuthMode.Iam)]
    [TestCase("apiKey", ApiAuthMode.ApiKey)]
    [TestCase("none", ApiAuthMode.None)]
    public void ApiAuth_EachDocumentedValue_IsItsMode(string value, ApiAuthMode mode)
    {
        var values = AllSettings(SystemTopology.Api);
        values[SettingNames.ApiAuth] = value;
        var bootstrap = FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null);

        Assert.That(ApiOptions.FromSettings(bootstrap.Settings).Auth, Is.EqualTo(mode));
    }

    [Test]
    public void ReadingAnUndeclaredSetting_IsADefect()
    {
        var settings = FunctionSettings.Load(SystemTopology.ShipOrder, AllSettings(SystemTopology.ShipOrder).GetValueOrDefault);

        Assert.Throws<InvalidOperationException>(() => settings.Required(StorageSchema.Payments.EnvironmentVariable));
        Assert.Throws<InvalidOperationException>(() => settings.Required(SettingNames.CorsAllowOrigin));
        Assert.Throws<InvalidOperationException>(() => settings.Optional(SettingNames.S3Endpoint));
    }

    [Test]
    public void BootstrapOfAnotherFunction_IsRefused()
    {
        var bootstrap = FunctionBootstrap.Create(SystemTopology.ShipOrder, AllSettings(SystemTopology.ShipOrder).GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null);

        Assert.Throws<ArgumentException>(() => new ApiFunction(bootstrap));
    }

    [TestCaseSource(nameof(Functions))]
    [NonParallelizable]
    public void FromEnvironment_WithItsSettingsInTheEnvironment_ComposesItsEntryPoint(FunctionDefinition function)
    {
        var values = AllSettings(function);
        var saved = values.Keys.ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in values)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            Assert.That(FunctionEntryPoints.Create(function, FunctionBootstrap.FromEnvironment(function)).Name, Is.EqualTo(function.Name));
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    [TestCaseSource(nameof(Functions))]
    [NonParallelizable]
    public void FromEnvironment_InAnEmptyEnvironment_FailsNamingTheMissingSettings(FunctionDefinition function)
    {
        var saved = function.Settings.Concat(function.OptionalSettings).ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in saved.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }

            var error = Assert.Throws<MissingSettingException>(() => FunctionBootstrap.FromEnvironment(function));

            Assert.That(error!.Names, Is.EqualTo(function.Settings));
            Assert.That(error.Message, Does.Contain(function.Settings[^1]).And.Contain("not set"));
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }

    private static Dictionary<string, string> AllSettings(FunctionDefinition function)
    {
        var values = function.Settings.Concat(function.OptionalSettings).ToDictionary(n => n, n => n switch
        {
            SettingNames.Environment => "test",
            SettingNames.InvoiceLinkSeconds => "120",
            SettingNames.CorsAllowOrigin => "https://shop.example",
            SettingNames.ApiAuth => "none",
            SettingNames.DynamoDbEndpoint or SettingNames.S3Endpoint or SettingNames.SesEndpoint => "http://127.0.0.1:1",
            SettingNames.MailSender => "Shop <shop@example.com>",
            SettingNames.MailLinkBaseUrl => "https://api.example.com/v1/",
            _ => $"value-of-{n.ToLowerInvariant()}",
        });
        return values;
    }

    private static FunctionEntryPoint Construct(FunctionDefinition function, FunctionBootstrap bootstrap) => FunctionEntryPoints.Create(function, bootstrap);
}
