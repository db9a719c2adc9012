using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>
/// The local host (<c>OrderProcessing.Local.dll</c>) started as its own process on a free loopback port, its output
/// going straight to a log file (by the shell, so this process spends nothing on it), stopped on dispose.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private LocalHostProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the API listens.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The host's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts the host with <paramref name="arguments"/> (besides the port) and waits until <c>/health</c> answers.</summary>
    public static async Task<LocalHostProcess> StartAsync(string hostAssembly, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        var port = FreePort();
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        foreach (var arg in new[] { "-c", "exec \"$@\" >\"$0\" 2>&1", logFile, "dotnet", hostAssembly, "--port", port.ToString(CultureInfo.InvariantCulture) }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host.");
        var host = new LocalHostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var client = new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode}; see {logFile}.");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("/health", UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return host;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(120))
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw new TimeoutException($"The local host did not answer /health within 120 s; see {logFile}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>CPU time (user + system) the host has used so far, from <c>/proc/PID/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Stops the host.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
