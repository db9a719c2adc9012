using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Local.Identity;
using OrderProcessing.Local.Tests.Support;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>
/// The local host as users run it by default (tokens checked), in this process so tests can reach its signing key to forge
/// the bad tokens a real caller might send, over the real API function on in-memory storage, every API event recorded.
/// </summary>
internal sealed class AuthorizedHost : IAsyncDisposable
{
    public const string CustomerA = "c-authz-a";
    public const string CustomerB = "c-authz-b";
    public const string OperatorId = "op-authz";

    /// <summary>The one other origin allowed to call the API.</summary>
    public const string ShopOrigin = "https://shop.example";

    /// <summary>A product of the demo catalog.</summary>
    public const string Product = "sku-cafe";

    private readonly string _folder;
    private readonly WebApplication _app;

    private AuthorizedHost(string folder, WebApplication app, RecordingApi api)
    {
        _folder = folder;
        _app = app;
        Api = api;
        Http = new HttpClient { BaseAddress = LocalHost.ListeningAddress(app) };
        Issuer = app.Services.GetRequiredService<LocalTokenIssuer>();
    }

    public HttpClient Http { get; }

    public RecordingApi Api { get; }

    public LocalTokenIssuer Issuer { get; }

    public static async Task<AuthorizedHost> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("op-local-authz-").FullName;
        var options = new LocalOptions
        {
            Port = 0,
            Auth = AuthMode.Cognito,
            CorsOrigin = ShopOrigin,
            NotificationsFile = Path.Combine(folder, "notifications.jsonl"),
            MailOutbox = Path.Combine(folder, "outbox"),
            DeliveryDelay = TimeSpan.Zero,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(2),
            SweepInterval = TimeSpan.Zero,
        };
        RecordingApi? api = null;
        var app = await LocalHost.BuildAsync(options, async (o, loggers, clock, ct) =>
        {
            var system = await LocalSystemFactory.CreateAsync(o, loggers, clock, ct);
            api = new RecordingApi(system.Api);
            return system.WithFunctions(api, system.StageFunction);
        });
        await app.StartAsync();
        return new AuthorizedHost(folder, app, api!);
    }

    /// <summary>A token from <c>POST /_local/tokens</c>.</summary>
    public async Task<string> MintAsync(string subject, params string[] groups)
    {
        using var response = await Http.PostAsync(new Uri("/_local/tokens", UriKind.Relative), new StringContent(
            JsonSerializer.Serialize(new { subject, email = $"{subject}@example.com", name = $"Name of {subject}", groups }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>
    /// A token made with the same library as the host's, for customer A, valid unless <paramref name="change"/> breaks it;
    /// signed with the host's key unless <paramref name="signing"/> says otherwise (null: unsigned, <c>alg: none</c>).
    /// </summary>
    public string Forge(Action<SecurityTokenDescriptor> change, Func<SigningCredentials, SigningCredentials?>? signing = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer.Issuer,
            Audience = LocalTokenIssuer.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { [CallerClaims.Subject] = CustomerA, [CallerClaims.Email] = "a@example.com" },
            SigningCredentials = signing is null ? Issuer.SigningCredentials : signing(Issuer.SigningCredentials),
        };
        change(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>Credentials of a key the host never made, under the host key's id: a bad signature, nothing else wrong.</summary>
    public static SigningCredentials ForeignKey(SigningCredentials host) =>
        new(new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = host.Key.KeyId }, host.Algorithm);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Places an order for <paramref name="customerId"/> with <paramref name="token"/>; its id.</summary>
    public async Task<string> PlaceOrderAsync(string token, string customerId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = new StringContent(OrderBody(customerId), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((int)response.StatusCode, Is.EqualTo(201), order.ToString());
        return order.GetProperty("orderId").GetString()!;
    }

    public static string OrderBody(string customerId) => ApiClient.OrderBody(Product, 1, "tok_visa").Replace("\"c-local\"", $"\"{customerId}\"", StringComparison.Ordinal);
}
