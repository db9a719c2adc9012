using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Local.Mail;
using OrderProcessing.Local.Tests.Support;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Tests.Hosting;

/// <summary>
/// The host's own wiring over stand-in functions: the page, the gateway translation both ways, the diagnostics routes,
/// the change feed driving stage functions and notifications.
/// </summary>
public sealed class LocalHostSkeletonTests
{
    private readonly HashSet<string> _failingStages = new(StringComparer.Ordinal);
    private EchoApi _api = null!;
    private Dictionary<string, FakeStageHandler> _stages = null!;
    private ChangeFeedOrderRepository _orders = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private string _notifications = null!;

    [SetUp]
    public async Task StartAsync()
    {
        // NUnit shares one fixture instance between tests: everything a test looks at is made afresh here.
        _api = new EchoApi();
        _failingStages.Clear();
        _stages = SystemTopology.QueueFunctions.ToDictionary(s => s.Name, s => new FakeStageHandler(s.Name, _ => !_failingStages.Contains(s.Name)), StringComparer.Ordinal);
        _notifications = Path.Combine(Path.GetTempPath(), $"op-local-{Guid.NewGuid():N}", "notifications.jsonl");
        var feed = new OrderChangeFeed(TimeProvider.System, NullLogger<OrderChangeFeed>.Instance);
        _orders = new ChangeFeedOrderRepository(new InMemoryOrderRepository(), feed);
        var options = new LocalOptions { Port = 0, Auth = AuthMode.None, NotificationsFile = _notifications, DeliveryDelay = TimeSpan.Zero, RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(2), SweepInterval = TimeSpan.Zero };
        _app = await LocalHost.BuildAsync(options, (_, _, _, _) => Task.FromResult(new LocalSystem
        {
            Api = _api,
            StageFunction = s => _stages[s.Name],
            ChangeFeed = feed,
            SeedCatalogAsync = _ => Task.FromResult(0),
            StorageDescription = "test",
            Mail = LocalMail.For(options with { MailOutbox = Path.Combine(Path.GetDirectoryName(_notifications)!, "outbox") }, TimeProvider.System),
        }));
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = LocalHost.ListeningAddress(_app) };
    }

    [TearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(Path.GetDirectoryName(_notifications)!, recursive: true);
    }

    [Test]
    public async Task Page_RequestedAtTheRoot_IsServedWithItsScriptAndStyles()
    {
        var page = await _http.GetAsync(new Uri("/", UriKind.Relative));
        var script = await _http.GetAsync(new Uri("/app.js", UriKind.Relative));

        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("<script src=\"app.js\""));
        Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(_api.Events, Is.Empty, "the page never reaches the API function");
    }

    [Test]
    public async Task OtherRequest_ReachesTheApiFunctionAsAProxyEvent_ItsResultIsTheResponse()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders?dryRun=1") { Content = new StringContent("{\"customerName\":\"Zoë\"}", Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "k-1");

        using var response = await _http.SendAsync(request);

        var e = _api.Events.Single();
        Assert.That(e.HttpMethod, Is.EqualTo("POST"));
        Assert.That(e.Path, Is.EqualTo("/orders"));
        Assert.That(e.Headers!["Idempotency-Key"], Is.EqualTo("k-1"));
        Assert.That(e.QueryStringParameters!["dryRun"], Is.EqualTo("1"));
        Assert.That(e.Body, Is.EqualTo("{\"customerName\":\"Zoë\"}"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri("/orders/o-echo", UriKind.Relative)));
        Assert.That(response.Headers.GetValues("X-Seen"), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"orderId\":\"o-echo\",\"name\":\"Piñata\"}"));
    }

    [Test]
    public async Task ApiResult_Base64_IsWrittenAsBytes()
    {
        _api.Base64Pdf = true;

        var bytes = await _http.GetByteArrayAsync(new Uri("/orders/o-1/invoice", UriKind.Relative));

        Assert.That(Encoding.ASCII.GetString(bytes), Does.StartWith("%PDF"));
    }

    [Test]
    public async Task ApiFunction_Failing_Is502AsApiGatewayAnswersIt()
    {
        _api.Fails = true;

        using var response = await _http.GetAsync(new Uri("/orders", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"message\":\"Internal server error\"}"));
    }

    [Test]
    public async Task OrdersStore_Written_DrivesTheStageFunctionsAndTheNotifications()
    {
        await _orders.AddAsync(Orders.Pending("o-42"));

        await Eventually.TrueAsync(() => _stages["reserve-inventory"].Messages.Count == 1, "reserve-inventory gets the new order");
        await Eventually.TrueAsync(() => File.Exists(_notifications) && ReadShared(_notifications).Contains("o-42", StringComparison.Ordinal), "the notification is written");
        using var line = JsonDocument.Parse(ReadShared(_notifications).Trim());
        Assert.That(line.RootElement.GetProperty("eventType").GetString(), Is.EqualTo("order_created"));
        Assert.That(line.RootElement.GetProperty("to").GetString(), Is.EqualTo("zoe@example.com"));
        Assert.That((_stages["reserve-inventory"].Messages.Single().OrderId, _stages["reserve-inventory"].Messages.Single().Envelope!.Status), Is.EqualTo(("o-42", "PENDING")), "the body is the order event envelope");
    }

    [Test]
    public async Task InjectedPoisonMessage_AfterTheReceiveLimit_IsDeadLetteredAndListedWithItsCause()
    {
        _failingStages.Add("ship-order");

        using var injected = await _http.PostAsync(new Uri("/_local/stages/ship-order/messages", UriKind.Relative), new StringContent("not a stream record"));
        await Eventually.TrueAsync(() => _stages["ship-order"].Messages.Count == 5, "five receives");
        var list = await Eventually.ValueAsync(async () =>
        {
            var json = await _http.GetFromJsonAsync<JsonElement>(new Uri("/_local/dead-letters", UriKind.Relative));
            return json.GetProperty("items").GetArrayLength() == 1 ? json : (JsonElement?)null;
        }, "the dead-letter list shows it");

        Assert.That(injected.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var dead = list.GetProperty("items")[0];
        Assert.That(dead.GetProperty("stage").GetString(), Is.EqualTo("ship-order"));
        Assert.That(dead.GetProperty("body").GetString(), Is.EqualTo("not a stream record"));
        Assert.That(dead.GetProperty("receiveCount").GetInt32(), Is.EqualTo(5));
        Assert.That(dead.GetProperty("cause").GetString(), Does.Contain("batchItemFailures"));
    }

    [Test]
    public async Task Inject_IntoAnUnknownStage_Is404NamingTheStages()
    {
        using var response = await _http.PostAsync(new Uri("/_local/stages/nope/messages", UriKind.Relative), new StringContent("x"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("reserve-inventory"));
    }

    [Test]
    public async Task Stage_Paused_ReceivesNothingUntilResumed()
    {
        using var paused = await _http.PostAsync(new Uri("/_local/stages/reserve-inventory/pause", UriKind.Relative), null);
        await _orders.AddAsync(Orders.Pending("o-held"));
        var held = await _http.GetFromJsonAsync<JsonElement>(new Uri("/_local/queues", UriKind.Relative));
        var receivedWhilePaused = _stages["reserve-inventory"].Messages.Count;

        using var resumed = await _http.PostAsync(new Uri("/_local/stages/reserve-inventory/resume", UriKind.Relative), null);
        await Eventually.TrueAsync(() => _stages["reserve-inventory"].Messages.Count == 1, "the held message is delivered");

        Assert.That(paused.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(receivedWhilePaused, Is.Zero);
        var queue = held.GetProperty("items")[0];
        Assert.That((queue.GetProperty("paused").GetBoolean(), queue.GetProperty("visible").GetInt32()), Is.EqualTo((true, 1)));
    }

    [Test]
    public async Task QueuesRoute_Requested_ListsEveryStageAndTheMailQueue()
    {
        var json = await _http.GetFromJsonAsync<JsonElement>(new Uri("/_local/queues", UriKind.Relative));

        Assert.That(json.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("stage").GetString()), Is.EqualTo(new[] { "reserve-inventory", "charge-payment", "ship-order", "generate-invoice", "compensate", "notify-customer" }));
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class EchoApi : IFunctionHandler
    {
        public string Name => "api";

        public List<ApiGatewayProxyRequest> Events { get; } = [];

        public bool Fails { get; set; }

        public bool Base64Pdf { get; set; }

        public async Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken)
        {
            Events.Add((await JsonSerializer.DeserializeAsync(input, AwsEventJsonContext.Default.ApiGatewayProxyRequest, cancellationToken))!);
            if (Fails)
            {
                throw new InvalidOperationException("boom");
            }

            var result = Base64Pdf
                ? new ApiGatewayProxyResponse
                {
                    StatusCode = 200,
                    Headers = new Dictionary<string, string> { ["Content-Type"] = "application/pdf" },
                    Body = Convert.ToBase64String("%PDF-1.7"u8),
                    IsBase64Encoded = true,
                }
                : new ApiGatewayProxyResponse
                {
                    StatusCode = 201,
                    Headers = new Dictionary<string, string> { ["Location"] = "/orders/o-echo", ["Content-Type"] = "application/json" },
                    MultiValueHeaders = new Dictionary<string, IReadOnlyList<string>> { ["X-Seen"] = ["a", "b"] },
                    Body = "{\"orderId\":\"o-echo\",\"name\":\"Piñata\"}",
                };
            return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(result, AwsEventJsonContext.Default.ApiGatewayProxyResponse));
        }
    }
}
