using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using OrderProcessing.Functions.Adapters.Aws;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// dynalite, a DynamoDB-compatible server (in memory), on a free loopback port. It implements the data plane the
/// adapters use (GetItem, BatchGetItem, PutItem, UpdateItem, DeleteItem, Query with expressions, global secondary
/// indexes) but no transactions, no streams and no <c>UpdateTimeToLive</c>. Tables are created with no artificial delay.
/// </summary>
public sealed class DynaliteServer : NodeServer
{
    private DynaliteServer(Process process, ConcurrentQueue<string> output, Uri serviceUrl)
        : base(process, output)
    {
        ServiceUrl = serviceUrl;
    }

    /// <summary>The server's endpoint.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>Client settings for this server (dummy keys; dynalite checks none).</summary>
    public AwsClientSettings ClientSettings => AwsClientSettings.ForLocalEndpoint(ServiceUrl);

    /// <summary>A new client for this server.</summary>
    public IAmazonDynamoDB CreateClient() => AwsClientFactory.CreateDynamoDb(ClientSettings);

    /// <summary>Starts a server. The dynalite CLI cannot bind port 0, so a free port is picked first, and a start that loses the port to another process is retried.</summary>
    public static async Task<DynaliteServer> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            string[] args = ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"];
            try
            {
                var (process, output, _) = await StartNodeAsync("dynalite", Path.Combine("dynalite", "cli.js"), args, line => line.Contains("listening at", StringComparison.Ordinal)).ConfigureAwait(false);
                return new DynaliteServer(process, output, new Uri($"http://127.0.0.1:{port}"));
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Someone took the port between our probe and the server's bind: pick another.
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
