using System.Diagnostics;
using System.Globalization;
using OrderProcessing.Benchmarks.Events;
using OrderProcessing.Benchmarks.Storage;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Local.Lambda;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>
/// Starts the function's <c>bootstrap</c> as a fresh process again and again, round robin over the builds so that
/// machine noise spreads evenly, each against its own Runtime API endpoint (the local host's
/// <see cref="RuntimeApiServer"/>) holding one queued invocation, with dynalite behind (tables created and the product
/// stocked beforehand). The function's settings are environment variables, as its Lambda configuration sets them. A
/// sample is the time from just before the process starts until its first response arrives at the Runtime API, and the
/// process's peak RSS read from <c>/proc</c> at that moment; then the process is stopped.
/// </summary>
public sealed class ColdStartRunner(Uri dynamoDb)
{
    private static readonly StorageNames Names = StorageNames.Prefixed("coldstart-");

    /// <summary>Creates the tables and the product the functions use.</summary>
    public Task PrepareAsync() => BenchStorage.ProvisionAsync(dynamoDb, null, Names, ["sku-1"], 1_000_000_000);

    /// <summary>
    /// Runs <paramref name="runs"/> cold starts of every build: the API function with a <c>POST /orders</c> event, then
    /// <c>reserve-inventory</c> with an SQS event of one of the orders those created (so each stage start reserves stock).
    /// </summary>
    public async Task<IReadOnlyList<ColdStartResult>> RunAsync(IReadOnlyList<ColdStartVariant> variants, int runs, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        var orderIds = new Queue<string>();
        var customer = 0;
        var results = await RunFunctionAsync(SystemTopology.Api, variants, runs, () => ApiEvents.PlaceOrder(customer++), response => orderIds.Enqueue(ApiEvents.OrderIdOf(new MemoryStream(response))), progress).ConfigureAwait(false);

        using var dynamo = AwsClientFactory.CreateDynamoDb(BenchStorage.Local(dynamoDb));
        var orders = new DynamoDbOrderRepository(dynamo, Names.Table(StorageSchema.Orders));
        var stageEvents = new Queue<byte[]>();
        foreach (var id in orderIds)
        {
            var order = await orders.GetAsync(id).ConfigureAwait(false) ?? throw new InvalidOperationException($"Order {id} was not stored.");
            stageEvents.Enqueue(StageEvents.ForTransition(order, null, SystemTopology.ReserveInventory.Name));
        }

        var stage = await RunFunctionAsync(SystemTopology.ReserveInventory, variants, runs, stageEvents.Dequeue, ExpectNoFailedMessage, progress).ConfigureAwait(false);
        return [.. results, .. stage];
    }

    private static void ExpectNoFailedMessage(byte[] response)
    {
        using var output = new MemoryStream(response, 0, response.Length, writable: false, publiclyVisible: true);
        Warm.Expect.NoFailures(Warm.WarmSystem.ReadFailures(output), "reserve-inventory");
    }

    private async Task<IReadOnlyList<ColdStartResult>> RunFunctionAsync(
        FunctionDefinition function, IReadOnlyList<ColdStartVariant> variants, int runs, Func<byte[]> nextEvent, Action<byte[]> checkResponse, Action<string>? progress)
    {
        var samples = variants.ToDictionary(v => v.Name, _ => new List<ColdStartSample>(runs), StringComparer.Ordinal);
        foreach (var variant in variants)
        {
            // Once each, unmeasured: the first start after a build pays for reading the files from disk.
            await StartOnceAsync(function, variant, nextEvent(), checkResponse).ConfigureAwait(false);
        }

        for (var run = 0; run < runs; run++)
        {
            foreach (var variant in variants)
            {
                samples[variant.Name].Add(await StartOnceAsync(function, variant, nextEvent(), checkResponse).ConfigureAwait(false));
            }

            progress?.Invoke($"cold start {function.Name} {run + 1}/{runs}: " + string.Join(", ", variants.Select(v => $"{v.Name} {samples[v.Name][^1].FirstResponseMs:F0} ms")));
        }

        return variants.Select(v => new ColdStartResult(function.Name, v.Name, v.Description, samples[v.Name])).ToList();
    }

    private async Task<ColdStartSample> StartOnceAsync(FunctionDefinition function, ColdStartVariant variant, byte[] input, Action<byte[]> checkResponse)
    {
        await using var api = await RuntimeApiServer.StartAsync(new RuntimeApiServerOptions { FunctionName = function.Name, Timeout = TimeSpan.FromSeconds(60) }).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var response = api.InvokeAsync(input, timeout.Token);

        var start = new ProcessStartInfo(variant.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // Only what Lambda gives a function, never this shell's variables: an inherited AWS_CA_BUNDLE (set on this
        // machine) made the AWS SDK parse the whole CA bundle on the first DynamoDB call, about half the AOT start.
        start.Environment.Clear();
        foreach (var (name, value) in LambdaBaseEnvironment())
        {
            start.Environment[name] = value;
        }

        foreach (var (name, value) in FunctionEnvironment(function))
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {variant.Executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        byte[] output;
        long peakRssKb;
        try
        {
            output = await response.ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(started);
            peakRssKb = PeakResidentKilobytes(process.Id);
            checkResponse(output);
            return new ColdStartSample(elapsed.TotalMilliseconds, peakRssKb);
        }
        catch (Exception e) when (e is FunctionInvocationException or OperationCanceledException or InvalidOperationException)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            throw new InvalidOperationException($"{function.Name} under '{variant.Name}' gave no usable first response: {e.Message}{Environment.NewLine}{await stderr.ConfigureAwait(false)}{await stdout.ConfigureAwait(false)}", e);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    // The function's settings as its Lambda configuration sets them, pointing DynamoDB at dynalite. S3 is not called by
    // POST /orders or reserve-inventory; its client is built for the region's endpoint as in AWS.
    private Dictionary<string, string> FunctionEnvironment(FunctionDefinition function)
    {
        var tables = Names.ToSettings();
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["_HANDLER"] = function.Handler,
            ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = function.MemoryMb.ToString(CultureInfo.InvariantCulture),
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = BenchStorage.LocalKey,
            ["AWS_SECRET_ACCESS_KEY"] = BenchStorage.LocalKey,
            [SettingNames.Environment] = "bench",
            [SettingNames.CorsAllowOrigin] = "*",
            [SettingNames.ApiAuth] = "none",
            [SettingNames.InvoiceLinkSeconds] = "300",
            [SettingNames.DynamoDbEndpoint] = dynamoDb.ToString(),
        };
        foreach (var name in function.Settings.Concat(function.OptionalSettings))
        {
            if (tables.TryGetValue(name, out var value))
            {
                settings[name] = value;
            }
        }

        return settings;
    }

    // The variables Lambda's runtime images set besides the function's own (PATH, LANG, TZ as in aws-lambda-base-images),
    // and the .NET install the framework-dependent builds run on, as the managed runtime's image has it.
    private static Dictionary<string, string> LambdaBaseEnvironment()
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = "/usr/local/bin:/usr/bin/:/bin:/opt/bin",
            ["LANG"] = "en_US.UTF-8",
            ["TZ"] = ":/etc/localtime",
        };
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } dotnetRoot)
        {
            environment["DOTNET_ROOT"] = dotnetRoot;
        }

        return environment;
    }

    // VmHWM: the peak resident set size of the process so far.
    private static long PeakResidentKilobytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"/proc/{processId}/status has no VmHWM.");
    }
}
