using System.Globalization;

namespace OrderProcessing.Reliability.Servers;

/// <summary>How to start the two npm test servers on loopback: dynalite (DynamoDB API, in memory) and s3rver (S3 API on a temporary directory).</summary>
internal static class TestServerLaunch
{
    /// <summary>dynalite with no artificial table-creation delay.</summary>
    public static Task<LocalNodeServer> DynaliteAsync() => LocalNodeServer.StartAsync(
        "dynalite",
        Path.Combine("dynalite", "cli.js"),
        port => ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"],
        "listening at");

    /// <summary>s3rver on a fresh temporary directory, removed when the server stops.</summary>
    public static Task<LocalNodeServer> S3rverAsync()
    {
        var directory = Directory.CreateTempSubdirectory("orderprocessing-s3rver-").FullName;
        return LocalNodeServer.StartAsync(
            "s3rver",
            Path.Combine("s3rver", "bin", "s3rver.js"),
            port => ["--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture)],
            "listening on",
            () => Directory.Delete(directory, recursive: true));
    }
}
