using Microsoft.Extensions.Logging;
using OrderProcessing.Local.Handlers;

namespace OrderProcessing.Local.Tests.Handlers;

/// <summary>The functions' JSON log lines, relayed to the console one readable line each.</summary>
public sealed class FunctionLogsTests
{
    [Test]
    public void StageWarning_Relayed_KeepsItsLevelTheOrderAndTheError()
    {
        var loggers = new RecordingLoggers();
        var writer = new FunctionLogs(loggers).WriterFor("charge-payment");

        writer.WriteLine("{\"level\":\"WARN\",\"message\":\"Transient failure; the message will be retried.\",\"requestId\":\"m-1\",\"orderId\":\"o-1\",\"errorType\":\"OrderProcessing.Core.Common.TransientFailureException\",\"errorMessage\":\"gateway timeout\"}");

        Assert.That(loggers.Lines, Is.EqualTo(new[] { ("Function.charge-payment", LogLevel.Warning, "Transient failure; the message will be retried. orderId=o-1 error=OrderProcessing.Core.Common.TransientFailureException: gateway timeout") }));
    }

    [Test]
    public void MetricDocuments_Relayed_AreKeptToDebugLevel()
    {
        var loggers = new RecordingLoggers();

        new FunctionLogs(loggers).WriterFor("ship-order").WriteLine("{\"_aws\":{},\"level\":\"ERROR\",\"requestId\":\"m-2\"}");

        Assert.That(loggers.Lines, Is.Empty);
    }

    [Test]
    public void Line_WrittenInPieces_IsReadWhole()
    {
        var loggers = new RecordingLoggers();
        var writer = new FunctionLogs(loggers).WriterFor("compensate");

        writer.Write("{\"level\":\"ERROR\",\"mess");
        writer.Write("age\":\"Unreadable message\",\"requestId\":\"m-9\"}\r");
        writer.Write('\n');

        Assert.That(loggers.Lines, Is.EqualTo(new[] { ("Function.compensate", LogLevel.Error, "Unreadable message") }));
    }

    // Keeps every line logged at information level or above, as the console would show it.
    private sealed class RecordingLoggers : ILoggerFactory
    {
        public List<(string Category, LogLevel Level, string Text)> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggers owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    owner.Lines.Add((category, logLevel, formatter(state, exception)));
                }
            }
        }
    }
}
