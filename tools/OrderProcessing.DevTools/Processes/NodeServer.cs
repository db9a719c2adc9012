using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrderProcessing.DevTools.Processes;

/// <summary>
/// A server run by Node.js from <c>tests/node_modules</c> (dynalite, s3rver) on a free loopback port: ready when it
/// prints its listening line, stopped with its process tree on dispose, and by a watchdog (<c>node-watchdog.js</c>) if
/// this process dies first. A start that loses its port to another process is retried on a new one.
/// </summary>
public sealed class NodeServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly Action? _onStopped;
    private int _disposed;

    private NodeServer(string name, Process process, ConcurrentQueue<string> output, int port, Action? onStopped)
    {
        Name = name;
        _process = process;
        _output = output;
        _onStopped = onStopped;
        ServiceUrl = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillTree(_process);
    }

    /// <summary>The server's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Where it listens (loopback only).</summary>
    public Uri ServiceUrl { get; }

    /// <summary>Its output so far (stdout, and stderr lines marked so), for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The node process's id (tests pause it with <c>SIGSTOP</c> to play a store that hangs).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts <c>node tests/node_modules/&lt;script&gt;</c> from the repository root with the arguments
    /// <paramref name="argsForPort"/> gives for a free port, and waits for a line containing <paramref name="readyText"/>.
    /// Fails with a message saying how to install Node.js or the npm packages when they are missing.
    /// </summary>
    /// <param name="name">The server's name, for messages.</param>
    /// <param name="scriptUnderNodeModules">The script, relative to <c>tests/node_modules</c>.</param>
    /// <param name="argsForPort">The server's arguments for a port.</param>
    /// <param name="readyText">Text of the line the server prints once it listens.</param>
    /// <param name="onStopped">Clean-up once the server has stopped (its temporary directory).</param>
    public static async Task<NodeServer> StartAsync(string name, string scriptUnderNodeModules, Func<int, IEnumerable<string>> argsForPort, string readyText, Action? onStopped = null)
    {
        ArgumentNullException.ThrowIfNull(argsForPort);
        var script = Path.Combine(RepositoryRoot.Path, "tests", "node_modules", scriptUnderNodeModules);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{name}: {script} is missing. Install the test servers with `npm ci --prefix tests` (scripts/setup.sh does it).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var port = FreeLoopbackPort();
            try
            {
                return await StartOnceAsync(name, script, argsForPort(port), readyText, port, onStopped).ConfigureAwait(false);
            }
            catch (InvalidOperationException e) when (attempt < 3 && e.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                // Another process took the port between the probe and the server's bind: try another.
            }
        }
    }

    /// <summary>A free loopback port (free when asked; a server that then loses it is retried).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server and runs its clean-up.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        KillTree(_process);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or Win32Exception)
        {
            // Already gone, or not reaped in time: the watchdog ends it when our stdin pipe closes.
        }

        _process.Dispose();
        _onStopped?.Invoke();
    }

    private static async Task<NodeServer> StartOnceAsync(string name, string script, IEnumerable<string> args, string readyText, int port, Action? onStopped)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--require", Path.Combine(AppContext.BaseDirectory, "Processes", "node-watchdog.js"), script }.Concat(args))
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
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue("stderr: " + line);
            }
        };
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{name} exited with code {ExitCode(process)} before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, output)}"));
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"{name}: Node.js ('node') is not on PATH; install Node.js 20 or later, then run scripts/setup.sh.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await ready.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return new NodeServer(name, process, output, port, onStopped);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            KillTree(process);
            process.Dispose();
            throw e is TimeoutException
                ? new InvalidOperationException($"{name} did not report that it listens within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{string.Join(Environment.NewLine, output)}", e)
                : e;
        }
    }

    private static string ExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "?";
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
