using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace OrderProcessing.Local.Tests.Support;

/// <summary>
/// The local host as a real process: <c>dotnet OrderProcessing.Local.dll --port N</c> from this test project's output
/// (the project reference builds and copies it with its page), on a free loopback port, with its own notifications
/// file. Stopped with SIGINT, as Ctrl+C stops it, and killed if it does not exit.
/// </summary>
internal sealed partial class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string _directory;

    private LocalHostProcess(Process process, ConcurrentQueue<string> output, string directory, Uri baseAddress)
    {
        _process = process;
        _output = output;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host answers (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's notifications file.</summary>
    public string NotificationsFile => Path.Combine(_directory, "notifications.jsonl");

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the host with fast retries (and <paramref name="extraArgs"/>) and waits until it says it is ready.</summary>
    public static Task<LocalHostProcess> StartAsync(params string[] extraArgs) => StartAsync(new Dictionary<string, string>(), extraArgs);

    /// <summary>Starts the host with extra environment variables (credentials for local storage servers).</summary>
    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] extraArgs)
    {
        var dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "OrderProcessing.Local.dll");
        if (!File.Exists(dll))
        {
            Assert.Fail($"{dll} is missing: the test project's reference to OrderProcessing.Local should have built and copied it.");
        }

        // A port picked free can be taken before the host binds it; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("op-local-test-").FullName;
            var port = FreePort();
            var host = await TryStartAsync(dll, directory, port, environment, extraArgs);
            if (host is not null)
            {
                return host;
            }

            if (attempt == 3)
            {
                Assert.Fail("The local host did not start on three free ports; see the output above.");
            }
        }
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static async Task<LocalHostProcess?> TryStartAsync(string dll, string directory, int port, IReadOnlyDictionary<string, string> environment, string[] extraArgs)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--notifications-file", Path.Combine(directory, "notifications.jsonl"), "--retry-delay-ms", "20", "--max-retry-delay-ms", "200" }.Concat(extraArgs))
        {
            start.ArgumentList.Add(arg);
        }

        // The host reads ORDERPROCESSING_* variables; the machine's must not change what the test asked for.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ORDERPROCESSING_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new ConcurrentQueue<string>();
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => ready.TrySetResult(null!);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var started = await ready.Task.WaitAsync(StartLimit).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null, TaskScheduler.Default);
        var host = new LocalHostProcess(process, output, directory, started ?? new Uri("http://127.0.0.1/"));
        if (started is not null)
        {
            return host;
        }

        var text = host.Output;
        await host.DisposeAsync();
        await TestContext.Out.WriteLineAsync($"The local host did not start on port {port}:{Environment.NewLine}{text}");
        if (!text.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"The local host did not start:{Environment.NewLine}{text}");
        }

        return null;

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            if (ReadyLine().Match(line) is { Success: true } m)
            {
                ready.TrySetResult(new Uri(m.Groups[1].Value + "/"));
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path)
            ? path
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Ready at (http://\S+)")]
    private static partial Regex ReadyLine();
}
