using System.Globalization;

namespace OrderProcessing.DevTools.Processes;

/// <summary>How to start the two npm test servers on loopback: dynalite (DynamoDB API, in memory) and s3rver (S3 API on a temporary directory).</summary>
public static class NpmTestServers
{
    /// <summary>dynalite with no artificial table-creation delay.</summary>
    public static Task<NodeServer> DynaliteAsync() => NodeServer.StartAsync(
        "dynalite",
        Path.Combine("dynalite", "cli.js"),
        port => ["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"],
        "listening at");

    /// <summary>s3rver on a fresh temporary directory, removed when the server stops; it logs no requests.</summary>
    public static async Task<NodeServer> S3rverAsync()
    {
        var directory = Directory.CreateTempSubdirectory("orderprocessing-s3rver-").FullName;
        try
        {
            return await NodeServer.StartAsync(
                "s3rver",
                Path.Combine("s3rver", "bin", "s3rver.js"),
                port => ["--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--silent"],
                "listening on",
                () => Delete(directory)).ConfigureAwait(false);
        }
        catch
        {
            Delete(directory);
            throw;
        }
    }

    private static void Delete(string directory)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
