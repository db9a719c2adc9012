using System.Globalization;

namespace OrderProcessing.DevTools.Processes;

/// <summary>
/// A real SMTP server for tests (<c>tests/smtp-sink.js</c> over npm's smtp-server) on a free loopback port: every message
/// it accepts is written raw to <see cref="Folder"/> as a numbered <c>.eml</c>; with <c>refuse</c> it rejects every
/// recipient with a permanent 550.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private SmtpTestServer(NodeServer server, string folder)
    {
        Server = server;
        Folder = folder;
    }

    /// <summary>The node process.</summary>
    public NodeServer Server { get; }

    /// <summary>Where accepted messages are written.</summary>
    public string Folder { get; }

    /// <summary><c>127.0.0.1:port</c>, as <c>--smtp</c> takes it.</summary>
    public string Endpoint => $"127.0.0.1:{Server.ServiceUrl.Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The messages accepted so far, oldest first, as raw bytes.</summary>
    public IReadOnlyList<byte[]> Messages =>
        [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    /// <summary>Starts the server on a fresh temporary folder, removed when it stops.</summary>
    public static async Task<SmtpTestServer> StartAsync(bool refuse = false)
    {
        var folder = Directory.CreateTempSubdirectory("orderprocessing-smtp-").FullName;
        try
        {
            var server = await NodeServer.StartAsync(
                "smtp-sink",
                Path.Combine("..", "smtp-sink.js"),
                port => ["--port", port.ToString(CultureInfo.InvariantCulture), "--dir", folder, .. refuse ? new[] { "--refuse" } : []],
                "listening on",
                () => Directory.Delete(folder, recursive: true)).ConfigureAwait(false);
            return new SmtpTestServer(server, folder);
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
