using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OrderProcessing.Functions.Sweeping;
using OrderProcessing.Operations.Cli;

namespace OrderProcessing.Operations.Orders;

/// <summary>
/// Orders in the local host's store, through its operator routes (<c>/_local/orders/stuck</c>,
/// <c>/_local/orders/{id}/nudge</c>), which run the same stuck-order operations over the host's own in-process store.
/// </summary>
/// <param name="http">A client whose base address is the host.</param>
/// <param name="baseUrl">The host, for messages.</param>
public sealed class LocalOrderBackend(HttpClient http, string baseUrl) : IOrderBackend
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StuckOrderView>> FindStuckAsync(TimeSpan? olderThan, int limit, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"_local/orders/stuck?limit={limit}{(olderThan is { } o ? $"&olderThanSeconds={o.TotalSeconds}" : "")}");
        using var response = await SendAsync(HttpMethod.Get, query, cancellationToken).ConfigureAwait(false);
        await EnsureAsync(response, query, cancellationToken).ConfigureAwait(false);
        var list = await response.Content.ReadFromJsonAsync<StuckOrderList>(Json, cancellationToken).ConfigureAwait(false);
        return list?.Items ?? [];
    }

    /// <inheritdoc />
    public async Task<StuckOrderView> NudgeAsync(string orderId, CancellationToken cancellationToken)
    {
        var path = $"_local/orders/{Uri.EscapeDataString(orderId)}/nudge";
        using var response = await SendAsync(HttpMethod.Post, path, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new OperatorException($"Unknown order '{orderId}': no such order on the local host at {baseUrl}.");
        }

        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            throw new OperatorException($"Order '{orderId}' was not nudged: {await DetailAsync(response, cancellationToken).ConfigureAwait(false)}");
        }

        await EnsureAsync(response, path, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync<StuckOrderView>(Json, cancellationToken).ConfigureAwait(false)
            ?? throw new OperatorException($"The local host at {baseUrl} answered the nudge of '{orderId}' with no order.");
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }

    private async Task EnsureAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new OperatorException($"The local host at {baseUrl} answered {(int)response.StatusCode} to /{path.Split('?')[0]}: {await DetailAsync(response, cancellationToken).ConfigureAwait(false)}");
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(method, path);
            return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new OperatorException($"Cannot reach the local host at {baseUrl}: {e.Message}", e);
        }
    }

}
