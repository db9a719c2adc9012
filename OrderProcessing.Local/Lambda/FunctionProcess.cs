using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OrderProcessing.Local.Lambda;

/// <summary>
/// One function's execution environment as a child process: the published <c>bootstrap</c> started with the function's
/// environment (its settings, <c>_HANDLER</c> and <c>AWS_LAMBDA_RUNTIME_API</c> at its <see cref="RuntimeApiServer"/>).
/// Its output lines go to <paramref name="output"/> (the host's log under the function's name). When it exits it is
/// started again, as Lambda starts a new execution environment, after a delay that grows while it keeps failing; an
/// invocation past its deadline ends it, as Lambda discards the environment of a timed-out invocation.
/// </summary>
public sealed partial class FunctionProcess : IAsyncDisposable
{
    private static readonly TimeSpan FirstRestartDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRestartDelay = TimeSpan.FromSeconds(10);

    // A process that ran this long before exiting is restarted at once: it was serving, not failing to start.
    private static readonly TimeSpan HealthyRun = TimeSpan.FromSeconds(10);

    private readonly string _executable;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly RuntimeApiServer _server;
    private readonly TextWriter _output;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Process? _current;
    private Task _supervisor = Task.CompletedTask;

    /// <summary>Creates the supervisor of <paramref name="server"/>'s function; <see cref="Start"/> starts it.</summary>
    public FunctionProcess(string executable, IReadOnlyDictionary<string, string> environment, RuntimeApiServer server, TextWriter output, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(executable);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(logger);
        _executable = executable;
        _environment = environment;
        _server = server;
        _output = output;
        _logger = logger;
        _server.InitFailed += error => LogInitFailed(_logger, _server.FunctionName, error.ErrorType ?? "", error.ErrorMessage ?? "");
        _server.InvocationTimedOut += requestId =>
        {
            LogTimedOut(_logger, _server.FunctionName, requestId);
            Kill();
        };
    }

    /// <summary>Starts the process and keeps it running until disposed.</summary>
    public void Start() => _supervisor = Task.Run(SuperviseAsync);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Kill();
        await _supervisor.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task SuperviseAsync()
    {
        var delay = FirstRestartDelay;
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            string exit;
            try
            {
                exit = await RunOnceAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                exit = $"could not start {_executable}: {e.Message}";
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _server.ResetEnvironment(exit);
            delay = Stopwatch.GetElapsedTime(started) > HealthyRun ? FirstRestartDelay : delay;
            LogRestarting(_logger, _server.FunctionName, exit, (int)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRestartDelay.Ticks));
        }
    }

    private async Task<string> RunOnceAsync()
    {
        var start = new ProcessStartInfo(_executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_executable) ?? Environment.CurrentDirectory,
        };

        // The environment is the function's own, as in Lambda: nothing of the host's leaks in but the basics a process needs.
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME", "TMPDIR" })
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = _server.Address;
        using var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Relay(line.Data);
        process.ErrorDataReceived += (_, line) => Relay(line.Data);
        lock (_gate)
        {
            process.Start();
            _current = process;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill();
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _current = null;
            }
        }

        return $"exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}";
    }

    private void Relay(string? line)
    {
        if (line is not null)
        {
            _output.WriteLine(line);
        }
    }

    private void Kill()
    {
        lock (_gate)
        {
            try
            {
                _current?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It already exited.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Function {Function} failed its init and answers every invocation with it until fixed: {ErrorType}: {ErrorMessage}")]
    private static partial void LogInitFailed(ILogger logger, string function, string errorType, string errorMessage);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} timed out on invocation {RequestId}; its process is stopped and a new one started, as Lambda discards the environment")]
    private static partial void LogTimedOut(ILogger logger, string function, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function}'s process ended ({Exit}); a new one starts in {DelayMs} ms")]
    private static partial void LogRestarting(ILogger logger, string function, string exit, int delayMs);
}
