using Amazon.S3;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Functions.Adapters.Aws;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// s3rver, an S3-compatible server storing objects in a temporary directory, on a free loopback port. It accepts only
/// the access key <c>S3RVER</c>; it does not verify SigV4 signatures but does enforce the expiry of presigned links; it
/// stores <c>aws-chunked</c> request bodies undecoded, so clients must upload without chunked encoding or checksum
/// trailers (as <see cref="AwsClientFactory.CreateS3"/> configures for local endpoints).
/// </summary>
public sealed class S3rverServer : IAsyncDisposable
{
    /// <summary>The only key pair s3rver knows.</summary>
    public const string AccessKey = "S3RVER";

    private readonly NodeServer _server;

    private S3rverServer(NodeServer server) => _server = server;

    /// <summary>The server's endpoint.</summary>
    public Uri ServiceUrl => _server.ServiceUrl;

    /// <summary>The server's output so far, for diagnostics.</summary>
    public string Output => _server.Output;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => _server.IsRunning;

    /// <summary>Client settings for this server.</summary>
    public AwsClientSettings ClientSettings => AwsClientSettings.ForLocalEndpoint(ServiceUrl, AccessKey, AccessKey);

    /// <summary>A new client for this server.</summary>
    public IAmazonS3 CreateClient() => AwsClientFactory.CreateS3(ClientSettings);

    /// <summary>Starts a server on a fresh temporary directory, removed when it stops (the shared npm test-server launch).</summary>
    public static async Task<S3rverServer> StartAsync() => new(await NpmTestServers.S3rverAsync().ConfigureAwait(false));

    /// <summary>Stops the server and removes its directory.</summary>
    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
