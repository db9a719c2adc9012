using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OrderProcessing.Local.Lambda;
using OrderProcessing.Testing.Waiting;

namespace OrderProcessing.Local.Tests.Lambda;

/// <summary>
/// A function's execution environment as a child process, with a shell script standing in for the bootstrap (it speaks
/// the Runtime API with curl): its output reaches the log, an init error is reported loudly and answers invocations, and
/// an ended process is started again.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class FunctionProcessTests
{
    [Test]
    public async Task InitError_ReportedByTheProcess_FailsInvocationsIsLoggedLoudlyAndTheProcessIsStartedAgain()
    {
        var folder = Directory.CreateTempSubdirectory("fake-bootstrap-");
        try
        {
            var script = Path.Combine(folder.FullName, "bootstrap");
            await File.WriteAllTextAsync(script, """
                #!/bin/sh
                echo "starting $_HANDLER with TABLE=$TABLE"
                curl -s -o /dev/null -X POST -d '{"errorMessage":"Missing setting ORDERS_TABLE","errorType":"Runtime.ConfigInvalid"}' "http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime/init/error"
                exit 1
                """.Replace("\r", "", StringComparison.Ordinal));
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            await using var server = await RuntimeApiServer.StartAsync(new RuntimeApiServerOptions { FunctionName = "ship-order", Timeout = TimeSpan.FromMinutes(1) });
            var log = new Lines();
            var logger = new ListLogger();
            var pending = server.InvokeAsync("{}"u8.ToArray(), CancellationToken.None);

            await using (var process = new FunctionProcess(script, new Dictionary<string, string> { ["_HANDLER"] = "ship-order", ["TABLE"] = "t-1" }, server, log, logger))
            {
                process.Start();
                var failure = Assert.ThrowsAsync<FunctionInvocationException>(async () => await pending.WaitAsync(Eventually.Limit));
                await Eventually.TrueAsync(() => logger.Entries.Count(e => e.Level == LogLevel.Warning && e.Text.Contains("process ended", StringComparison.Ordinal)) >= 2, "the process is started again after each exit");

                Assert.That(failure!.ErrorType, Is.EqualTo(FunctionInvocationException.InitErrorType));
                Assert.That(logger.Entries, Has.Some.Matches<(LogLevel Level, string Text)>(e => e.Level == LogLevel.Critical && e.Text.Contains("Missing setting ORDERS_TABLE", StringComparison.Ordinal)));
                Assert.That(log.All, Has.Some.EqualTo("starting ship-order with TABLE=t-1"));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class Lines : TextWriter
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public IReadOnlyList<string> All => [.. _lines];

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override void WriteLine(string? value) => _lines.Enqueue(value ?? "");
    }

    private sealed class ListLogger : ILogger
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Text)> _entries = new();

        public IReadOnlyList<(LogLevel Level, string Text)> Entries => [.. _entries];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            _entries.Enqueue((logLevel, formatter(state, exception)));
    }
}
