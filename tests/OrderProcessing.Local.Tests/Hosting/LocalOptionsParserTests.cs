using System.Net;
using OrderProcessing.Local.Hosting;

namespace OrderProcessing.Local.Tests.Hosting;

/// <summary>Options from the command line and the environment: loopback by default, the command line wins, typos fail.</summary>
public sealed class LocalOptionsParserTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    [Test]
    public void Parse_NoArguments_ListensOnLoopbackPort5080InMemoryWithTheDemoCatalog()
    {
        var options = LocalOptionsParser.Parse([], NoEnvironment);

        Assert.That(options.Bind, Is.EqualTo(IPAddress.Loopback));
        Assert.That(options.Port, Is.EqualTo(5080));
        Assert.That(options.Storage, Is.EqualTo(StorageMode.Memory));
        Assert.That(options.SeedsCatalog, Is.True);
    }

    [Test]
    public void Parse_EnvironmentVariables_SetOptionsAndTheCommandLineOverridesThem()
    {
        var environment = new Dictionary<string, string?> { ["ORDERPROCESSING_PORT"] = "6000", ["ORDERPROCESSING_BIND"] = "0.0.0.0" };

        var fromEnvironment = LocalOptionsParser.Parse([], environment);
        var overridden = LocalOptionsParser.Parse(["--port", "7000", "--bind=::1"], environment);

        Assert.That((fromEnvironment.Port, fromEnvironment.Bind), Is.EqualTo((6000, IPAddress.Any)));
        Assert.That((overridden.Port, overridden.Bind), Is.EqualTo((7000, IPAddress.IPv6Loopback)));
    }

    [Test]
    public void Parse_AwsStorage_TakesEndpointsAndSeedsOnlyWhenCreatingTablesOrAsked()
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
    public void Parse_Functions_RunInProcessByDefaultOrAsProcessesFromTheGivenFolder()
    {
        var byDefault = LocalOptionsParser.Parse([], NoEnvironment);
        var processes = LocalOptionsParser.Parse(["--functions", "process", "--functions-path", "/opt/fn", "--storage", "aws", "--dynamodb-endpoint", "http://127.0.0.1:4567"], NoEnvironment);

        Assert.That((byDefault.Functions, byDefault.FunctionsPath), Is.EqualTo((FunctionsMode.InProcess, Path.Combine("artifacts", "functions"))));
        Assert.That((processes.Functions, processes.FunctionsPath), Is.EqualTo((FunctionsMode.Process, "/opt/fn")));
    }

    [Test]
    public void Parse_Delays_AreReadInMillisecondsAndTheDeliveryDelayMayBeZero()
    {
        var options = LocalOptionsParser.Parse(["--retry-delay-ms", "20", "--max-retry-delay-ms", "80", "--delivery-delay-ms", "0"], NoEnvironment);

        Assert.That((options.RetryDelay, options.MaxRetryDelay, options.DeliveryDelay), Is.EqualTo((TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(80), TimeSpan.Zero)));
        Assert.That(LocalOptionsParser.Parse([], NoEnvironment).DeliveryDelay, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Parse_Auth_ChecksTokensByDefaultAndNoneTurnsItOff()
    {
        Assert.That(LocalOptionsParser.Parse([], NoEnvironment).Auth, Is.EqualTo(AuthMode.Cognito));
        Assert.That(LocalOptionsParser.Parse(["--auth", "none"], NoEnvironment).Auth, Is.EqualTo(AuthMode.None));
        Assert.That(LocalOptionsParser.Parse(["--auth=cognito"], new Dictionary<string, string?> { ["ORDERPROCESSING_AUTH"] = "none" }).Auth, Is.EqualTo(AuthMode.Cognito));
        Assert.That(LocalOptionsParser.Parse([], new Dictionary<string, string?> { ["ORDERPROCESSING_AUTH"] = "none" }).Auth, Is.EqualTo(AuthMode.None));
    }

    [TestCase(AuthMode.Cognito, "cognito")]
    [TestCase(AuthMode.None, "none")]
    public void Settings_AuthMode_TellsTheApiFunctionAsApiAuth(AuthMode mode, string expected)
    {
        Assert.That(LocalSettings.For(new LocalOptions { Auth = mode })[OrderProcessing.Topology.SettingNames.ApiAuth], Is.EqualTo(expected));
    }

    [Test]
    public void Parse_SweepInterval_DefaultsToTheTopologysScheduleAndZeroTurnsItOff()
    {
        Assert.That(LocalOptionsParser.Parse([], NoEnvironment).SweepInterval, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(LocalOptionsParser.Parse(["--sweep-interval-s", "0"], NoEnvironment).SweepInterval, Is.EqualTo(TimeSpan.Zero));
        Assert.That(LocalOptionsParser.Parse([], new Dictionary<string, string?> { ["ORDERPROCESSING_SWEEP_INTERVAL_S"] = "30" }).SweepInterval, Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [TestCase(new[] { "--prot", "5080" }, "Unrecognized command or argument '--prot'")]
    [TestCase(new[] { "--port" }, "Required argument missing for option: '--port'")]
    [TestCase(new[] { "--port", "80000" }, "not a port")]
    [TestCase(new[] { "--bind", "example.com" }, "not an IP address")]
    [TestCase(new[] { "--storage", "sqlite" }, "not a storage")]
    [TestCase(new[] { "--dynamodb-endpoint", "http://127.0.0.1:4567" }, "need --storage aws")]
    [TestCase(new[] { "--storage", "aws", "--s3-endpoint", "ftp://x" }, "not an http or https URL")]
    [TestCase(new[] { "--retry-delay-ms", "0" }, "positive number")]
    [TestCase(new[] { "--functions", "lambda" }, "not a functions mode")]
    [TestCase(new[] { "--auth", "iam" }, "not an auth mode")]
    [TestCase(new[] { "--functions", "process" }, "--functions process needs --storage aws")]
    [TestCase(new[] { "--functions", "process", "--storage", "aws" }, "--dynamodb-endpoint")]
    [TestCase(new[] { "--retry-delay-ms", "100", "--max-retry-delay-ms", "50" }, "at least --retry-delay-ms")]
    public void Parse_BadOption_FailsNamingTheProblem(string[] args, string message)
    {
        Assert.That(() => LocalOptionsParser.Parse(args, NoEnvironment), Throws.TypeOf<OptionsException>().With.Message.Contains(message));
    }

    [Test]
    public void Parse_BadEnvironmentVariable_FailsNamingTheVariable()
    {
        var environment = new Dictionary<string, string?> { ["ORDERPROCESSING_PORT"] = "http" };

        Assert.That(() => LocalOptionsParser.Parse([], environment), Throws.TypeOf<OptionsException>().With.Message.StartsWith("ORDERPROCESSING_PORT"));
    }

    [Test]
    public void Usage_EveryOption_IsListedWithItsEnvironmentVariable()
    {
        Assert.That(LocalOptionsParser.Usage, Does.Contain("--port <PORT>").And.Contain("[env ORDERPROCESSING_PORT]").And.Contain("--create-tables"));
        Assert.That(LocalOptionsParser.Parse(["-h"], NoEnvironment).ShowHelp, Is.True);
    }

    [TestCase("ORDERPROCESSING_BIND", "example.com", "not an IP address")]
    [TestCase("ORDERPROCESSING_STORAGE", "sqlite", "not a storage")]
    [TestCase("ORDERPROCESSING_S3_ENDPOINT", "ftp://x", "not an http or https URL")]
    [TestCase("ORDERPROCESSING_SEED", "maybe", "not true or false")]
    [TestCase("ORDERPROCESSING_DELIVERY_DELAY_MS", "-1", "not a whole number")]
    [TestCase("ORDERPROCESSING_RETRY_DELAY_MS", "0", "positive number")]
    public void EnvironmentValue_Bad_FailsNamingTheVariable(string variable, string value, string message)
    {
        var environment = new Dictionary<string, string?> { [variable] = value };

        Assert.That(() => LocalOptionsParser.Parse([], environment), Throws.TypeOf<OptionsException>().With.Message.StartsWith($"{variable}: ").And.Message.Contains(message));
    }

    [Test]
    public void EnvironmentValue_OverriddenOnCommandLine_IsNeverRead()
    {
        var environment = new Dictionary<string, string?> { ["ORDERPROCESSING_PORT"] = "http", ["ORDERPROCESSING_REGION"] = "eu-west-1" };

        var options = LocalOptionsParser.Parse(["--port=7000", "--region", "eu-central-1"], environment);

        Assert.That((options.Port, options.Region), Is.EqualTo((7000, "eu-central-1")));
    }

    [Test]
    public void EnvironmentValue_Empty_LeavesTheDefault()
    {
        var options = LocalOptionsParser.Parse([], new Dictionary<string, string?> { ["ORDERPROCESSING_PORT"] = "" });

        Assert.That(options.Port, Is.EqualTo(LocalOptions.DefaultPort));
    }

    [Test]
    public void Switches_FromEnvironment_AreOverriddenByTheCommandLine()
    {
        var environment = new Dictionary<string, string?> { ["ORDERPROCESSING_SEED"] = "yes", ["ORDERPROCESSING_CREATE_TABLES"] = "1", ["ORDERPROCESSING_STORAGE"] = "aws" };

        var fromEnvironment = LocalOptionsParser.Parse([], environment);
        var overridden = LocalOptionsParser.Parse(["--no-seed", "--create-tables=false"], environment);

        Assert.That((fromEnvironment.Seed, fromEnvironment.CreateTables), Is.EqualTo(((bool?)true, true)));
        Assert.That((overridden.Seed, overridden.CreateTables), Is.EqualTo(((bool?)false, false)));
    }

    [TestCase(new[] { "--no-seed", "--seed" }, true)]
    [TestCase(new[] { "--seed", "--no-seed" }, false)]
    [TestCase(new[] { "--seed=false" }, false)]
    public void Seed_LastSwitchOnTheCommandLine_Wins(string[] args, bool seeds)
    {
        Assert.That(LocalOptionsParser.Parse(args, NoEnvironment).SeedsCatalog, Is.EqualTo(seeds));
    }

    [Test]
    public void Values_WithColonsOrEquals_SurviveTheEqualsForm()
    {
        var options = LocalOptionsParser.Parse(["--storage=aws", "--s3-endpoint=http://127.0.0.1:4568", "--cors-origin=http://localhost:3000", "--notifications-file=/tmp/a=b.jsonl"], NoEnvironment);

        Assert.That(options.S3Endpoint, Is.EqualTo(new Uri("http://127.0.0.1:4568")));
        Assert.That(options.CorsOrigin, Is.EqualTo("http://localhost:3000"));
        Assert.That(options.NotificationsFile, Is.EqualTo("/tmp/a=b.jsonl"));
    }

    [Test]
    public void Option_Repeated_IsRejectedNamingIt()
    {
        Assert.That(() => LocalOptionsParser.Parse(["--port", "1", "--port", "2"], NoEnvironment), Throws.TypeOf<OptionsException>().With.Message.Contains("'--port'"));
    }

    [TestCase("--version")]
    [TestCase("@options.rsp")]
    [TestCase("[diagram]")]
    public void LibraryExtras_NotInTheOptionsTable_AreRejected(string arg)
    {
        Assert.That(() => LocalOptionsParser.Parse([arg], NoEnvironment), Throws.TypeOf<OptionsException>().With.Message.Contains(arg));
    }

    [Test]
    public void Help_WithABadEnvironmentValue_StillShowsTheUsage()
    {
        var environment = new Dictionary<string, string?> { ["ORDERPROCESSING_PORT"] = "http" };

        Assert.That(LocalOptionsParser.Parse(["--help"], environment).ShowHelp, Is.True);
    }

    [TestCase("--port <PORT>", "ORDERPROCESSING_PORT", "[default: 5080]")]
    [TestCase("--auth <cognito|none>", "ORDERPROCESSING_AUTH", "[default: Cognito]")]
    [TestCase("--bind <ADDRESS>", "ORDERPROCESSING_BIND", "[default: 127.0.0.1]")]
    [TestCase("--cors-origin <ORIGIN>", "ORDERPROCESSING_CORS_ORIGIN", "(default: only the host's own)")]
    [TestCase("--notifications-file <PATH>", "ORDERPROCESSING_NOTIFICATIONS_FILE", "notifications.jsonl]")]
    [TestCase("--delivery-delay-ms <MS>", "ORDERPROCESSING_DELIVERY_DELAY_MS", "[default: 1000]")]
    [TestCase("--retry-delay-ms <MS>", "ORDERPROCESSING_RETRY_DELAY_MS", "[default: 500]")]
    [TestCase("--max-retry-delay-ms <MS>", "ORDERPROCESSING_MAX_RETRY_DELAY_MS", "[default: 30000]")]
    [TestCase("--seed", "ORDERPROCESSING_SEED", "(default: in memory, or with --create-tables)")]
    [TestCase("--storage <memory|aws>", "ORDERPROCESSING_STORAGE", "[default: Memory]")]
    [TestCase("--dynamodb-endpoint <URL>", "ORDERPROCESSING_DYNAMODB_ENDPOINT", "default AWS")]
    [TestCase("--s3-endpoint <URL>", "ORDERPROCESSING_S3_ENDPOINT", "default AWS")]
    [TestCase("--region <REGION>", "ORDERPROCESSING_REGION", "[default: us-east-1]")]
    [TestCase("--table-prefix <PREFIX>", "ORDERPROCESSING_TABLE_PREFIX", "[default: orderprocessing-local-]")]
    [TestCase("--bucket <NAME>", "ORDERPROCESSING_BUCKET", "[default: orderprocessing-local-invoices]")]
    [TestCase("--create-tables", "ORDERPROCESSING_CREATE_TABLES", "when missing")]
    public void Usage_ListsEachOption_OnOneLineWithItsVariableAndDefault(string option, string variable, string defaultText)
    {
        var line = LocalOptionsParser.Usage.Split('\n').SingleOrDefault(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));

        Assert.That(line, Does.Contain($"[env {variable}]").And.Contain(defaultText));
    }
}
