using System.Reflection;
using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Storage;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Functions.Topology;

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

        var bootstrap = FunctionBootstrap.Create(function, name => { read.Add(name); return values.GetValueOrDefault(name); }, new InMemoryPortsFactory(), TextWriter.Null);
        Construct(function, bootstrap);

        Assert.That(read, Is.SubsetOf(function.Settings.Concat(function.OptionalSettings)));
        Assert.That(read, Is.Unique, "each setting is read once");
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
        values[SettingNames.InvoiceLinkLifetimeSeconds] = "five minutes";

        var error = Assert.Throws<InvalidOperationException>(() => FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null));

        Assert.That(error!.Message, Does.Contain(SettingNames.InvoiceLinkLifetimeSeconds));
    }

    [Test]
    public void CorsOrigins_AreReadFromTheirSetting()
    {
        var values = AllSettings(SystemTopology.Api);
        values[SettingNames.CorsAllowedOrigins] = "https://a.example, https://b.example";
        var bootstrap = FunctionBootstrap.Create(SystemTopology.Api, values.GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null);

        Assert.That(ApiOptions.FromSettings(bootstrap.Settings).AllowedOrigins, Is.EqualTo(new[] { "https://a.example", "https://b.example" }));
    }

    [Test]
    public void ReadingAnUndeclaredSetting_IsADefect()
    {
        var settings = FunctionSettings.Load(SystemTopology.ShipOrder, AllSettings(SystemTopology.ShipOrder).GetValueOrDefault);

        Assert.Throws<InvalidOperationException>(() => settings.Required(StorageSchema.Payments.EnvironmentVariable));
        Assert.Throws<InvalidOperationException>(() => settings.Optional(SettingNames.CorsAllowedOrigins));
    }

    [Test]
    public void BootstrapOfAnotherFunction_IsRefused()
    {
        var bootstrap = FunctionBootstrap.Create(SystemTopology.ShipOrder, AllSettings(SystemTopology.ShipOrder).GetValueOrDefault, new InMemoryPortsFactory(), TextWriter.Null);

        Assert.Throws<ArgumentException>(() => new ApiFunction(bootstrap));
    }

    [TestCaseSource(nameof(Functions))]
    [NonParallelizable]
    public void ParameterlessConstructor_InAnEmptyEnvironment_FailsNamingTheMissingSettings(FunctionDefinition function)
    {
        var type = typeof(ApiFunction).Assembly.GetType(function.HandlerType)!;
        var saved = function.Settings.Concat(function.OptionalSettings).ToDictionary(n => n, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var name in saved.Keys)
            {
                Environment.SetEnvironmentVariable(name, null);
            }

            var error = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(type));

            Assert.That(error!.InnerException, Is.TypeOf<MissingSettingException>());
            Assert.That(((MissingSettingException)error.InnerException!).Names, Is.EqualTo(function.Settings));
            Assert.That(error.InnerException!.Message, Does.Contain(function.Settings[^1]).And.Contain("not set"));
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
        var values = function.Settings.ToDictionary(n => n, n => $"value-of-{n.ToLowerInvariant()}");
        values[SettingNames.Environment] = "test";
        foreach (var optional in function.OptionalSettings)
        {
            values[optional] = optional switch
            {
                SettingNames.InvoiceLinkLifetimeSeconds => "120",
                SettingNames.CorsAllowedOrigins => "https://shop.example",
                _ => "http://127.0.0.1:1",
            };
        }

        return values;
    }

    private static object Construct(FunctionDefinition function, FunctionBootstrap bootstrap)
    {
        var type = typeof(ApiFunction).Assembly.GetType(function.HandlerType)!;
        return type.GetConstructor([typeof(FunctionBootstrap)])!.Invoke([bootstrap]);
    }
}
