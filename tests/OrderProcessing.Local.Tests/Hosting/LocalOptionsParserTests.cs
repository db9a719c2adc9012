using System.Net;
using OrderProcessing.Local.Hosting;

namespace OrderProcessing.Local.Tests.Hosting;

/// <summary>Options from the command line and the environment: loopback by default, the command line wins, typos fail.</summary>
public sealed class LocalOptionsParserTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public void By_default_the_host_listens_on_loopback_port_5080_in_memory_with_the_demo_catalog()
    {
        var options = LocalOptionsParser.Parse([], NoEnvironment);

        Assert.That(options.Bind, Is.EqualTo(IPAddress.Loopback));
        Assert.That(options.Port, Is.EqualTo(5080));
        Assert.That(options.Storage, Is.EqualTo(StorageMode.Memory));
        Assert.That(options.SeedsCatalog, Is.True);
    }

    [Test]
    public void Environment_variables_set_options_and_the_command_line_overrides_them()
    {
        var environment = new Dictionary<string, string?> { ["ORDERPROCESSING_PORT"] = "6000", ["ORDERPROCESSING_BIND"] = "0.0.0.0" };

        var fromEnvironment = LocalOptionsParser.Parse([], environment);
        var overridden = LocalOptionsParser.Parse(["--port", "7000", "--bind=::1"], environment);

        Assert.That((fromEnvironment.Port, fromEnvironment.Bind), Is.EqualTo((6000, IPAddress.Any)));
        Assert.That((overridden.Port, overridden.Bind), Is.EqualTo((7000, IPAddress.IPv6Loopback)));
    }

    [Test]
    public void Aws_storage_takes_endpoints_and_seeds_only_when_creating_tables_or_asked()
    {
        var plain = LocalOptionsParser.Parse(["--storage", "aws", "--dynamodb-endpoint", "http://127.0.0.1:4567", "--s3-endpoint", "http://127.0.0.1:4568"], NoEnvironment);
        var creating = LocalOptionsParser.Parse(["--storage", "aws", "--create-tables"], NoEnvironment);
        var unseeded = LocalOptionsParser.Parse(["--no-seed"], NoEnvironment);

        Assert.That(plain.DynamoDbEndpoint, Is.EqualTo(new Uri("http://127.0.0.1:4567")));
        Assert.That(plain.S3Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:4568")));
        Assert.That(plain.SeedsCatalog, Is.False);
        Assert.That(creating.SeedsCatalog, Is.True);
        Assert.That(unseeded.SeedsCatalog, Is.False);
    }

    [Test]
    public void Delays_are_read_in_milliseconds_and_the_delivery_delay_may_be_zero()
    {
        var options = LocalOptionsParser.Parse(["--retry-delay-ms", "20", "--max-retry-delay-ms", "80", "--delivery-delay-ms", "0"], NoEnvironment);

        Assert.That((options.RetryDelay, options.MaxRetryDelay, options.DeliveryDelay), Is.EqualTo((TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(80), TimeSpan.Zero)));
        Assert.That(LocalOptionsParser.Parse([], NoEnvironment).DeliveryDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [TestCase(new[] { "--prot", "5080" }, "Unknown option '--prot'")]
    [TestCase(new[] { "--port" }, "needs a value")]
    [TestCase(new[] { "--port", "80000" }, "not a port")]
    [TestCase(new[] { "--bind", "example.com" }, "not an IP address")]
    [TestCase(new[] { "--storage", "sqlite" }, "not a storage")]
    [TestCase(new[] { "--dynamodb-endpoint", "http://127.0.0.1:4567" }, "need --storage aws")]
    [TestCase(new[] { "--storage", "aws", "--s3-endpoint", "ftp://x" }, "not an http or https URL")]
    [TestCase(new[] { "--retry-delay-ms", "0" }, "positive number")]
    [TestCase(new[] { "--retry-delay-ms", "100", "--max-retry-delay-ms", "50" }, "at least --retry-delay-ms")]
    public void A_bad_option_fails_naming_the_problem(string[] args, string message)
    {
        Assert.That(() => LocalOptionsParser.Parse(args, NoEnvironment), Throws.TypeOf<OptionsException>().With.Message.Contains(message));
    }

    [Test]
    public void A_bad_environment_variable_fails_naming_the_variable()
    {
        var environment = new Dictionary<string, string?> { ["ORDERPROCESSING_PORT"] = "http" };

        Assert.That(() => LocalOptionsParser.Parse([], environment), Throws.TypeOf<OptionsException>().With.Message.StartsWith("ORDERPROCESSING_PORT"));
    }

    [Test]
    public void The_usage_lists_every_option_with_its_environment_variable()
    {
        Assert.That(LocalOptionsParser.Usage, Does.Contain("--port PORT").And.Contain("[env ORDERPROCESSING_PORT]").And.Contain("--create-tables"));
        Assert.That(LocalOptionsParser.Parse(["-h"], NoEnvironment).ShowHelp, Is.True);
    }
}
