using System.Text;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.BadInput;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>The HTTP API through the real API function: each call an API Gateway proxy event in, the proxy response out.</summary>
internal sealed class LambdaOrderApi(Func<Stream, Task<Stream>> handler) : IOrderApi
{
    private static readonly Dictionary<string, string> NoHeaders = new(StringComparer.Ordinal);
    private long _requests;

    public Task<ApiResult> PlaceAsync(PlaceOrderRequest request, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Content-Type"] = "application/json", ["Idempotency-Key"] = idempotencyKey };
        return SendAsync(new HttpCase("client", "place", "POST", "/orders", "/orders", null, null, headers, OrderJson(request)));
    }

    public Task<ApiResult> CancelAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpCase("client", "cancel", "POST", $"/orders/{orderId}/cancel", "/orders/{orderId}/cancel", new Dictionary<string, string> { ["orderId"] = orderId }, null, NoHeaders, null));

    public Task<ApiResult> DeleteAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpCase("client", "delete", "DELETE", $"/orders/{orderId}", "/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = orderId }, null, NoHeaders, null));

    public Task<ApiResult> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpCase("client", "get", "GET", $"/orders/{orderId}", "/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = orderId }, null, NoHeaders, null));

    private async Task<ApiResult> SendAsync(HttpCase request)
    {
        var proxyEvent = ProxyEvent.For(request, $"client-{Interlocked.Increment(ref _requests)}");
        await using var output = await handler(new MemoryStream(Encoding.UTF8.GetBytes(proxyEvent))).ConfigureAwait(false);
        using var reader = new StreamReader(output, Encoding.UTF8);
        var answer = ProxyAnswer.Parse(await reader.ReadToEndAsync().ConfigureAwait(false));
        string? orderId = null;
        OrderStatus? status = null;
        string? detail = null;
        if (answer.Body is { Length: > 0 } body && answer.Header("Content-Type")?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            orderId = root.TryGetProperty("orderId", out var id) ? id.GetString() : null;
            status = root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String && OrderStatusNames.TryParse(s.GetString(), out var parsed) ? parsed : null;
            detail = root.TryGetProperty("detail", out var d) ? d.GetString() : null;
        }

        var replayed = string.Equals(answer.Header("Idempotent-Replayed"), "true", StringComparison.OrdinalIgnoreCase);
        return new ApiResult(answer.StatusCode, orderId ?? request.PathParameters?.GetValueOrDefault("orderId"), status, detail, replayed);
    }

    private static string OrderJson(PlaceOrderRequest r)
    {
        var a = r.ShippingAddress!;
        var items = (r.Items ?? []).Select(i => (JsonText)JsonText.Object(("productId", new JsonText.Str(i!.ProductId!)), ("quantity", new JsonText.Raw(i.Quantity!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))))).ToList();
        var address = new List<(string, JsonText)> { ("line1", new JsonText.Str(a.Line1!)), ("city", new JsonText.Str(a.City!)), ("postalCode", new JsonText.Str(a.PostalCode!)), ("country", new JsonText.Str(a.Country!)) };
        if (a.Line2 is { } line2)
        {
            address.Add(("line2", new JsonText.Str(line2)));
        }

        if (a.Region is { } region)
        {
            address.Add(("region", new JsonText.Str(region)));
        }

        return JsonText.Object(
            ("customerId", new JsonText.Str(r.CustomerId!)),
            ("customerEmail", new JsonText.Str(r.CustomerEmail!)),
            ("customerName", new JsonText.Str(r.CustomerName!)),
            ("items", new JsonText.Arr(items)),
            ("paymentToken", new JsonText.Str(r.PaymentToken!)),
            ("shippingAddress", JsonText.Object([.. address]))).Render();
    }
}
