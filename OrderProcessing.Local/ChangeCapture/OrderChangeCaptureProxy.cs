using System.Globalization;
using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Transport.ChangeFeed;
using Yarp.ReverseProxy.Forwarder;
using A = OrderProcessing.Topology.Storage.OrderItemAttributes;

namespace OrderProcessing.Local.ChangeCapture;

/// <summary>
/// The DynamoDB endpoint the local host serves to functions running as child processes: every request is forwarded
/// unchanged to the real endpoint (dynalite), and each successful write to the orders table is read back consistently
/// and raised on the <see cref="OrderChangeFeed"/>, with the images a <c>NEW_AND_OLD_IMAGES</c> stream record carries.
/// </summary>
/// <remarks>
/// Why a stream at the storage boundary: in process mode the functions write from other processes, so the host's
/// in-process repository decorator (<see cref="ChangeFeedOrderRepository"/>) never sees their writes, and dynalite has
/// no DynamoDB Streams to read them from. Capturing at the endpoint is what a stream is, a record of what the table
/// stored, so the children run the very adapters they run in AWS (no local-only code in them), and the images come from
/// the stored item through the same mapper the stream's reader uses (<see cref="OrderItemMapper.ToSnapshot"/>), which
/// also yields the transition marker's rule (<see cref="OrderItemMapper.IsTransition"/>). Writes to one order are
/// serialised through the proxy so the item read before and after each is exactly that write's old and new image.
/// </remarks>
public sealed partial class OrderChangeCaptureProxy : IAsyncDisposable
{
    private const string TargetPrefix = "DynamoDB_20120810.";
    private const int Stripes = 64;

    private readonly WebApplication _app;
    private readonly IAmazonDynamoDB _reader;
    private readonly string _ordersTable;
    private readonly OrderChangeFeed _feed;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim[] _orderLocks = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];
    private readonly HttpMessageInvoker _forwardClient = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
    });

    private OrderChangeCaptureProxy(WebApplication app, IAmazonDynamoDB reader, string ordersTable, OrderChangeFeed feed, ILogger logger)
    {
        _app = app;
        _reader = reader;
        _ordersTable = ordersTable;
        _feed = feed;
        _logger = logger;
    }

    /// <summary>The proxy's endpoint, for the functions' <c>AWS_ENDPOINT_URL_DYNAMODB</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>
    /// Starts a proxy on a free loopback port in front of <paramref name="target"/>, raising the writes to
    /// <paramref name="ordersTable"/> on <paramref name="feed"/>; <paramref name="reader"/> reads the items back.
    /// </summary>
    public static async Task<OrderChangeCaptureProxy> StartAsync(Uri target, IAmazonDynamoDB reader, string ordersTable, OrderChangeFeed feed, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(logger);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddHttpForwarder();
        var app = builder.Build();
        var proxy = new OrderChangeCaptureProxy(app, reader, ordersTable, feed, logger);
        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        var destination = target.GetLeftPart(UriPartial.Authority) + "/";
        app.Map("/{**path}", context => proxy.ForwardAsync(context, forwarder, destination));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        proxy.Endpoint = new Uri($"http://127.0.0.1:{new Uri(address).Port.ToString(CultureInfo.InvariantCulture)}");
        return proxy;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _forwardClient.Dispose();
        foreach (var stripe in _orderLocks)
        {
            stripe.Dispose();
        }
    }

    /// <summary>The orders of <paramref name="table"/> that a write request names (its items' and keys' order ids), by the DynamoDB JSON protocol.</summary>
    internal static IReadOnlyList<string> OrderIdsWritten(string operation, JsonElement request, string table)
    {
        var ids = new List<string>();
        void Add(JsonElement owner, string itemMember)
        {
            if (owner.TryGetProperty("TableName", out var name) && name.GetString() == table)
            {
                AddKey(owner, itemMember);
            }
        }

        void AddKey(JsonElement owner, string itemMember)
        {
            if (owner.TryGetProperty(itemMember, out var item) && item.TryGetProperty(A.OrderId, out var key) && key.TryGetProperty("S", out var id) && id.GetString() is { } text)
            {
                ids.Add(text);
            }
        }

        switch (operation)
        {
            case "PutItem":
                Add(request, "Item");
                break;
            case "UpdateItem" or "DeleteItem":
                Add(request, "Key");
                break;
            case "TransactWriteItems" when request.TryGetProperty("TransactItems", out var items):
                foreach (var item in items.EnumerateArray())
                {
                    if (item.TryGetProperty("Put", out var put))
                    {
                        Add(put, "Item");
                    }

                    foreach (var member in new[] { "Update", "Delete" })
                    {
                        if (item.TryGetProperty(member, out var write))
                        {
                            Add(write, "Key");
                        }
                    }
                }

                break;
            case "BatchWriteItem" when request.TryGetProperty("RequestItems", out var tables) && tables.TryGetProperty(table, out var writes):
                foreach (var write in writes.EnumerateArray())
                {
                    if (write.TryGetProperty("PutRequest", out var put))
                    {
                        AddKey(put, "Item");
                    }

                    if (write.TryGetProperty("DeleteRequest", out var delete))
                    {
                        AddKey(delete, "Key");
                    }
                }

                break;
        }

        return [.. ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static OrderSnapshot? Image(Dictionary<string, AttributeValue>? item) =>
        item is null || item.Count == 0 || OrderItemMapper.IsTombstone(item) ? null : OrderItemMapper.ToSnapshot(item);

    private async Task ForwardAsync(HttpContext context, IHttpForwarder forwarder, string destination)
    {
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        var operation = target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : "";
        if (operation is not ("PutItem" or "UpdateItem" or "DeleteItem" or "TransactWriteItems" or "BatchWriteItem"))
        {
            await forwarder.SendAsync(context, destination, _forwardClient).ConfigureAwait(false);
            return;
        }

        // The body is read here and again by the forwarder.
        context.Request.EnableBuffering();
        IReadOnlyList<string> orderIds;
        using (var request = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false))
        {
            orderIds = OrderIdsWritten(operation, request.RootElement, _ordersTable);
        }

        context.Request.Body.Position = 0;
        if (orderIds.Count == 0)
        {
            await forwarder.SendAsync(context, destination, _forwardClient).ConfigureAwait(false);
            return;
        }

        var stripes = orderIds.Select(id => (int)((uint)StringComparer.Ordinal.GetHashCode(id) % Stripes)).Distinct().Order().ToList();
        foreach (var stripe in stripes)
        {
            await _orderLocks[stripe].WaitAsync(context.RequestAborted).ConfigureAwait(false);
        }

        try
        {
            var before = new Dictionary<string, OrderSnapshot?>(StringComparer.Ordinal);
            foreach (var id in orderIds)
            {
                before[id] = Image(await ReadAsync(id, context.RequestAborted).ConfigureAwait(false));
            }

            var error = await forwarder.SendAsync(context, destination, _forwardClient).ConfigureAwait(false);
            if (error != ForwarderError.None || context.Response.StatusCode != StatusCodes.Status200OK)
            {
                // A rejected write (a failed condition) stored nothing, so a stream would carry nothing either.
                return;
            }

            foreach (var id in orderIds)
            {
                Raise(id, before[id], Image(await ReadAsync(id, CancellationToken.None).ConfigureAwait(false)));
            }
        }
        catch (Exception e) when (e is AmazonDynamoDBException or FormatException or HttpRequestException)
        {
            // The write itself was forwarded (or not) as the function asked; what failed is seeing it. Say so loudly:
            // the order will not move on until a later write of it.
            LogCaptureFailed(_logger, e, operation, string.Join(", ", orderIds));
        }
        finally
        {
            foreach (var stripe in stripes)
            {
                _orderLocks[stripe].Release();
            }
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string orderId, CancellationToken cancellationToken)
    {
        var response = await _reader.GetItemAsync(new GetItemRequest
        {
            TableName = _ordersTable,
            Key = new Dictionary<string, AttributeValue>(StringComparer.Ordinal) { [A.OrderId] = new AttributeValue { S = orderId } },
            ConsistentRead = true,
        }, cancellationToken).ConfigureAwait(false);
        return response.Item;
    }

    // The same kinds and old-image rule as the in-process decorator: the old image only when it is the version just before.
    private void Raise(string orderId, OrderSnapshot? before, OrderSnapshot? after)
    {
        if (after is null)
        {
            if (before is not null)
            {
                _feed.Raise(OrderChangeKind.Remove, orderId, before, null);
            }

            return;
        }

        var old = before is not null && before.Version == after.Version - 1 ? before : null;
        _feed.Raise(before is null ? OrderChangeKind.Insert : OrderChangeKind.Modify, orderId, old, after);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Change capture: could not read back the {Operation} of order(s) {OrderIds}; the change is not raised")]
    private static partial void LogCaptureFailed(ILogger logger, Exception exception, string operation, string orderIds);
}
