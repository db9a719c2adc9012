using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OrderProcessing.Testing.Transport;
using OrderProcessing.Testing.Waiting;

namespace OrderProcessing.Local.Tests.Support;

/// <summary>Speaks the HTTP API of design section 3 to a running host, as a client would: JSON in, JSON out.</summary>
internal sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress };

    public HttpClient Http => _http;

    public static string OrderBody(string productId, int quantity, string paymentToken, string email = "zoe@example.com") => JsonSerializer.Serialize(new
    {
        customerId = "c-local",
        customerEmail = email,
        customerName = "Zoë Ångström",
        items = new[] { new { productId, quantity } },
        paymentToken,
        shippingAddress = new { line1 = "12 Rue de la Paix", city = "Springfield", postalCode = "62701", country = "US" },
    });

    public async Task<JsonElement> PlaceAsync(string productId, int quantity, string paymentToken)
    {
        using var response = await _http.PostAsync(new Uri("orders", UriKind.Relative), new StringContent(OrderBody(productId, quantity, paymentToken), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body);
        return JsonDocument.Parse(body).RootElement;
    }

    public async Task<JsonElement> GetAsync(string path) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri(path, UriKind.Relative));

    public async Task<JsonElement> PostAsync(string path, string? json = null)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"POST {path}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Polls the order until it reaches <paramref name="status"/>; fails naming the status it stayed at.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string orderId, string status)
    {
        var last = "";
        try
        {
            return await Eventually.ValueAsync<JsonElement>(async () =>
            {
                var order = await GetAsync($"orders/{orderId}");
                last = order.GetProperty("status").GetString()!;
                return last == status ? order : null;
            }, $"order {orderId} is {status}");
        }
        catch (AssertionException)
        {
            Assert.Fail($"Order {orderId} stayed {last}, never {status}.");
            throw;
        }
    }

    public async Task<int> AvailableAsync(string productId) =>
        (await GetAsync($"products/{productId}")).GetProperty("stock").GetInt32();

    public void Dispose() => _http.Dispose();
}
