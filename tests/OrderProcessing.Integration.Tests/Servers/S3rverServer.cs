using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.S3;
using OrderProcessing.Functions.Adapters.Aws;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// s3rver, an S3-compatible server storing objects in a temporary directory, on a loopback port it picks itself (and
/// prints). It accepts only the access key <c>S3RVER</c>; it does not verify SigV4 signatures but does enforce the expiry
/// of presigned links; it stores <c>aws-chunked</c> request bodies undecoded, so clients must upload without chunked
/// encoding or checksum trailers (as <see cref="AwsClientFactory.CreateS3"/> configures for local endpoints).
/// </summary>
public sealed partial class S3rverServer : NodeServer
{
    /// <summary>The only key pair s3rver knows.</summary>
    public const string AccessKey = "S3RVER";

    private readonly string _directory;

    private S3rverServer(Process process, ConcurrentQueue<string> output, Uri serviceUrl, string directory)
        : base(process, output)
    {
        ServiceUrl = serviceUrl;
        _directory = directory;
    }

    /// <summary>The server's endpoint.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>Client settings for this server.</summary>
    public AwsClientSettings ClientSettings => AwsClientSettings.ForLocalEndpoint(ServiceUrl, AccessKey, AccessKey);

    /// <summary>A new client for this server.</summary>
    public IAmazonS3 CreateClient() => AwsClientFactory.CreateS3(ClientSettings);

    /// <summary>Starts a server on a fresh temporary directory.</summary>
    public static async Task<S3rverServer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("orderprocessing-s3rver-").FullName;
        string[] args = ["--directory", directory, "--address", "127.0.0.1", "--port", "0", "--silent"];
        try
        {
            var (process, output, line) = await StartNodeAsync("s3rver", Path.Combine("s3rver", "bin", "s3rver.js"), args, l => Listening().IsMatch(l)).ConfigureAwait(false);
            var port = int.Parse(Listening().Match(line).Groups["port"].Value, CultureInfo.InvariantCulture);
            return new S3rverServer(process, output, new Uri($"http://127.0.0.1:{port}"), directory);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Deletes the server's directory.</summary>
    protected override void OnStopped()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [GeneratedRegex(@"S3rver listening on [^:]+:(?<port>\d+)")]
    private static partial Regex Listening();
}
