using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrderProcessing.Local.Tests.Support;

/// <summary>
/// dynalite or s3rver from <c>tests/node_modules</c> (installed by scripts/setup.sh) on a free loopback port, stopped on
/// dispose. Missing Node.js or packages fail the test, saying how to install them.
/// </summary>
internal sealed class NodeTestServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _directory;

    private NodeTestServer(Process process, Uri endpoint, string? directory)
    {
        _process = process;
        Endpoint = endpoint;
        _directory = directory;
    }

    public Uri Endpoint { get; }

    /// <summary>A DynamoDB-compatible server in memory.</summary>
    public static Task<NodeTestServer> StartDynaliteAsync() => StartAsync(
        "dynalite", Path.Combine("dynalite", "cli.js"), port => ["--host", "127.0.0.1", "--port", port, "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"], "listening at", null);

    /// <summary>An S3-compatible server on a temporary directory.</summary>
    public static Task<NodeTestServer> StartS3rverAsync()
    {
        var directory = Directory.CreateTempSubdirectory("op-local-s3rver-").FullName;
        return StartAsync("s3rver", Path.Combine("s3rver", "bin", "s3rver.js"), port => ["--address", "127.0.0.1", "--port", port, "--directory", directory], "listening on", directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<NodeTestServer> StartAsync(string name, string script, Func<string, string[]> args, string readyText, string? directory)
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, "tests", "node_modules", script);
        if (!File.Exists(path))
        {
            Assert.Fail($"{name}: {path} is missing. Install the test servers with `npm ci --prefix tests` (scripts/setup.sh does it).");
        }

        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var start = new ProcessStartInfo("node") { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(path);
        foreach (var arg in args(port.ToString(CultureInfo.InvariantCulture)))
        {
            start.ArgumentList.Add(arg);
        }

        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
                if (line.Contains(readyText, StringComparison.OrdinalIgnoreCase))
                {
                    ready.TrySetResult();
                }
            }
        };
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{name} exited: {string.Join(Environment.NewLine, output)}"));
        try
        {
            process.Start();
        }
        catch (Win32Exception)
        {
            Assert.Fail($"{name}: Node.js ('node') is not on PATH; install Node.js 20 or later, then run scripts/setup.sh.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return new NodeTestServer(process, new Uri($"http://127.0.0.1:{port}"), directory);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrderProcessing.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No OrderProcessing.sln above the test directory.");
    }
}
