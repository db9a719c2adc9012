using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace OrderProcessing.DevTools.Processes;

/// <summary>
/// The local host (<c>dotnet OrderProcessing.Local.dll --port N</c>) as its own process on a free loopback port, in a
/// fresh working folder, its output going straight to a log file (written by the shell, so this process spends nothing
/// on it). Ready when it logs <c>Ready at</c>; a start that loses its port is retried on another. Stopped with SIGINT,
/// as Ctrl+C stops it, or killed on dispose.
/// </summary>
public sealed partial class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly string _logFile;
    private string? _finalOutput;

    private LocalHostProcess(Process process, string workingDirectory, string logFile, Uri baseAddress)
    {
        _process = process;
        WorkingDirectory = workingDirectory;
        _logFile = logFile;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host answers (<c>http://127.0.0.1:port/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's own working folder, removed on dispose.</summary>
    public string WorkingDirectory { get; }

    /// <summary>The host's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything the process wrote so far, standard output and error interleaved.</summary>
    public string Output => _finalOutput ?? ReadShared(_logFile);

    /// <summary>
    /// Starts the host and waits until it says it is ready. The machine's <c>ORDERPROCESSING_*</c> variables are
    /// removed, so only <paramref name="arguments"/> and <paramref name="environment"/> decide what it does.
    /// </summary>
    /// <param name="hostAssembly">The path of <c>OrderProcessing.Local.dll</c>.</param>
    /// <param name="arguments">The host's options besides <c>--port</c>, given the host's working folder.</param>
    /// <param name="environment">Extra environment variables (credentials for local storage servers).</param>
    /// <param name="logFile">Where the output goes; by default <c>host.log</c> in the working folder.</param>
    public static async Task<LocalHostProcess> StartAsync(string hostAssembly, Func<string, IEnumerable<string>> arguments, IReadOnlyDictionary<string, string> environment, string? logFile = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(environment);
        if (!File.Exists(hostAssembly))
        {
            throw new InvalidOperationException($"{hostAssembly} is missing: build OrderProcessing.Local first.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var directory = Directory.CreateTempSubdirectory("op-local-host-").FullName;
            var host = await TryStartAsync(hostAssembly, directory, arguments(directory), environment, logFile ?? Path.Combine(directory, "host.log")).ConfigureAwait(false);
            if (host is not null)
            {
                return host;
            }

            if (attempt == 3)
            {
                throw new InvalidOperationException("The local host did not start on three free ports.");
            }
        }
    }

    /// <summary>Sends SIGINT (what Ctrl+C sends) and waits for the process to exit; returns its exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-INT", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>CPU time (user + system) the host has used so far, from <c>/proc/PID/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Kills the host if it still runs and removes its working folder; <see cref="Output"/> stays readable.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_finalOutput is not null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
        _finalOutput = ReadShared(_logFile);
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static async Task<LocalHostProcess?> TryStartAsync(string dll, string directory, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        var port = NodeServer.FreeLoopbackPort();
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in new[] { "-c", "exec \"$@\" >\"$0\" 2>&1", logFile, DotnetHost(), dll, "--port", port.ToString(CultureInfo.InvariantCulture) }.Concat(arguments))
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ORDERPROCESSING_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        // A log left by an earlier host under the same name would announce that host's port: start from none, and
        // accept only the ready line naming the port given to this one.
        File.Delete(logFile);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host.");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var text = ReadShared(logFile);
            if (ReadyLine().Match(text) is { Success: true } ready && new Uri(ready.Groups[1].Value).Port == port)
            {
                return new LocalHostProcess(process, directory, logFile, new Uri(ready.Groups[1].Value + "/"));
            }

            if (process.HasExited || deadline.Elapsed > StartLimit)
            {
                var host = new LocalHostProcess(process, directory, logFile, new Uri("http://127.0.0.1/"));
                await host.DisposeAsync().ConfigureAwait(false);
                if (host.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                throw new InvalidOperationException($"The local host did not start within {StartLimit.TotalSeconds} s:{Environment.NewLine}{host.Output}");
            }

            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    private static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path)
            ? path
            : Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";

    [GeneratedRegex(@"Ready at (http://\S+)")]
    private static partial Regex ReadyLine();
}
