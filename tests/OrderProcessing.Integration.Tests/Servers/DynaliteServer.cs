using Amazon.DynamoDBv2;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Functions.Adapters.Aws;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// dynalite, a DynamoDB-compatible server (in memory), on a free loopback port. It implements the data plane the
/// adapters use (GetItem, BatchGetItem, PutItem, UpdateItem, DeleteItem, Query with expressions, global secondary
/// indexes) but no transactions, no streams and no <c>UpdateTimeToLive</c>. Tables are created with no artificial delay.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private readonly NodeServer _server;

    private DynaliteServer(NodeServer server) => _server = server;

    /// <summary>The server's endpoint.</summary>
    public Uri ServiceUrl => _server.ServiceUrl;

    /// <summary>The server's output so far, for diagnostics.</summary>
    public string Output => _server.Output;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _server.IsRunning;

    /// <summary>The server process's id.</summary>
    public int ProcessId => _server.ProcessId;

    /// <summary>Client settings for this server (dummy keys; dynalite checks none).</summary>
    public AwsClientSettings ClientSettings => AwsClientSettings.ForLocalEndpoint(ServiceUrl);

    /// <summary>A new client for this server.</summary>
    public IAmazonDynamoDB CreateClient() => AwsClientFactory.CreateDynamoDb(ClientSettings);

    /// <summary>Starts a server (the shared npm test-server launch).</summary>
    public static async Task<DynaliteServer> StartAsync() => new(await NpmTestServers.DynaliteAsync().ConfigureAwait(false));

    /// <summary>Stops the server.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
