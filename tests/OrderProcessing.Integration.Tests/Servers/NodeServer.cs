using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// A test server run by Node.js from <c>tests/node_modules</c>: started on a loopback port, considered ready when it
/// prints its listening line, stopped (process tree killed) on dispose. Its output is kept for failure messages.
/// </summary>
public abstract class NodeServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private int _disposed;

    /// <summary>Wraps a started process.</summary>
    protected NodeServer(Process process, ConcurrentQueue<string> output)
    {
        _process = process;
        _output = output;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    /// <summary>The server's output so far (stdout and stderr), for diagnostics.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time; the watchdog and the OS finish it.
        }

        _process.Dispose();
        OnStopped();
        GC.SuppressFinalize(this);
    }

    /// <summary>Called once the process has stopped, to clean up what the server used.</summary>
    protected virtual void OnStopped()
    {
    }

    /// <summary>
    /// Starts <c>node &lt;script&gt; args</c> from the repository root and waits for a line that <paramref name="readyLine"/>
    /// accepts, returning the process, its output and that line. Fails with a clear message when Node.js or the npm
    /// packages are missing, or when the server exits or stays silent.
    /// </summary>
    protected static async Task<(Process Process, ConcurrentQueue<string> Output, string ReadyLine)> StartNodeAsync(string name, string scriptUnderNodeModules, IEnumerable<string> args, Func<string, bool> readyLine)
    {
        var root = RepositoryRoot.Path;
        var script = System.IO.Path.Combine(root, "tests", "node_modules", scriptUnderNodeModules);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"{name}: {script} is missing. Install the test servers with `npm ci --prefix tests` (scripts/setup.sh does it).");
        }

        var watchdog = System.IO.Path.Combine(TestContext.CurrentContext.TestDirectory, "Servers", "node-watchdog.js");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--require", watchdog, script }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                output.Enqueue(line);
                if (readyLine(line))
                {
                    ready.TrySetResult(line);
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
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{name} exited with code {SafeExitCode(process)} before it was ready:{Environment.NewLine}{string.Join(Environment.NewLine, output)}"));
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new InvalidOperationException($"{name}: Node.js ('node') was not found on PATH. The integration tests start dynalite and s3rver with it: install Node.js 20 or later, then run scripts/setup.sh.", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var line = await ready.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return (process, output, line);
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

    private static string SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

    private void Kill() => KillTree(_process);
}
