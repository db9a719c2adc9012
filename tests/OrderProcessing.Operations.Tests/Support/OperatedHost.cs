using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Local.Sqs;
using OrderProcessing.Operations.Cli;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Invocation;
using Spectre.Console;

namespace OrderProcessing.Operations.Tests.Support;

/// <summary>
/// The local host started in this process over in-memory storage, with one switch: while <see cref="FailingStage"/> names
/// a stage, that stage's function throws, so its messages reach the dead-letter list the way a broken stage's do.
/// </summary>
internal sealed class OperatedHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private OperatedHost(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
        BaseUrl = LocalHost.ListeningAddress(app);
        Http = new HttpClient { BaseAddress = BaseUrl };
    }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    /// <summary>The stage whose function fails every message, or null.</summary>
    public volatile string? FailingStage;

    public StageDispatcher Dispatcher => _app.Services.GetRequiredService<StageDispatcher>();

    public static async Task<OperatedHost> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("orderops-").FullName;
        OperatedHost? host = null;
        var options = new LocalOptions
        {
            Port = 0,
            NotificationsFile = Path.Combine(directory, "notifications.jsonl"),
            MailOutbox = Path.Combine(directory, "outbox"),
            DeliveryDelay = TimeSpan.Zero,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(2),
            SweepInterval = TimeSpan.Zero,
        };
        var app = await LocalHost.BuildAsync(options, async (o, loggers, clock, ct) =>
        {
            var system = await LocalSystemFactory.CreateAsync(o, loggers, clock, ct);
            return system.WithFunctions(system.Api, f => new Switchable(system.StageFunction(f), () => host?.FailingStage == f.Name));
        });
        await app.StartAsync();
        host = new OperatedHost(app, directory);

        // The host checks tokens as it does by default; the test's API calls are the customer's own, signed in.
        using var minted = await host.Http.PostAsJsonAsync(new Uri("_local/tokens", UriKind.Relative), new { subject = "c-ops", email = "ops@example.com" });
        Assert.That(minted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await minted.Content.ReadAsStringAsync());
        var token = (await minted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString();
        host.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return host;
    }

    /// <summary>An SQS client on the host's SQS endpoint.</summary>
    public AmazonSQSClient Sqs() => new(new BasicAWSCredentials("test", "test"), new AmazonSQSConfig
    {
        ServiceURL = new Uri(BaseUrl, SqsApiServer.Path).ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    });

    /// <summary>Runs <c>orderops</c> with <c>--local</c> this host (when <paramref name="local"/>) and <paramref name="args"/>.</summary>
    public async Task<CliRun> RunAsync(params string[] args) => await CliRun.RunAsync(["--local", BaseUrl.ToString(), .. args]);

    public async Task<string> PlaceAsync(string productId = "sku-cafe")
    {
        var body = JsonSerializer.Serialize(new
        {
            customerId = "c-ops",
            customerEmail = "ops@example.com",
            customerName = "Ops Test",
            items = new[] { new { productId, quantity = 1 } },
            paymentToken = "tok_visa",
            shippingAddress = new { line1 = "1 Main St", city = "Springfield", postalCode = "62701", country = "US" },
        });
        using var response = await Http.PostAsync(new Uri("orders", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString()!;
    }

    public async Task<string> StatusAsync(string orderId) =>
        (await Http.GetFromJsonAsync<JsonElement>(new Uri($"orders/{orderId}", UriKind.Relative))).GetProperty("status").GetString()!;

    public Task WaitForStatusAsync(string orderId, string status) =>
        Poll.ForAsync<string>(async () => await StatusAsync(orderId) == status ? status : null, $"order {orderId} is {status}");

    /// <summary>Waits until <paramref name="count"/> dead letters sit in <paramref name="stage"/>'s list.</summary>
    public Task WaitForDeadLettersAsync(FunctionDefinition stage, int count) =>
        Eventually.TrueAsync(() => Dispatcher.Find(stage.Name)!.DeadLetters.Count == count, $"{count} dead letter(s) on {stage.Name}");

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Switchable(IFunctionHandler inner, Func<bool> failing) : IFunctionHandler
    {
        public string Name => inner.Name;

        public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
            failing() ? throw new InvalidOperationException("stage broken on purpose by the test") : inner.InvokeAsync(input, cancellationToken);
    }
}
