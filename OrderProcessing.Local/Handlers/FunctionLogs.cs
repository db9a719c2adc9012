using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrderProcessing.Local.Handlers;

/// <summary>
/// Where the functions' structured output goes locally. Each function writes JSON lines (logs and metric documents) to
/// its own writer, as it writes them to CloudWatch in AWS; here each log line becomes one readable console line and
/// metric documents are kept to debug level. (Why a stage failed a message reaches the dead-letter list through the
/// stages' typed failure hook, not from these lines.)
/// </summary>
public sealed partial class FunctionLogs(ILoggerFactory loggers)
{
    /// <summary>The writer to give the function named <paramref name="function"/> for its telemetry.</summary>
    public TextWriter WriterFor(string function)
    {
        ArgumentException.ThrowIfNullOrEmpty(function);
        var logger = loggers.CreateLogger($"Function.{function}");
        return new LineWriter(line => Relay(logger, line));
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static LogLevel LevelOf(string? level) => level switch
    {
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    private static void Relay(ILogger logger, string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        // Telemetry starts every metric document with its _aws member; they are kept at debug level, so unless that is on
        // there is nothing to parse them for (several per invocation).
        if (line.StartsWith(MetricDocumentStart, StringComparison.Ordinal) && !logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            LogPlain(logger, line);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                LogPlain(logger, line);
                return;
            }

            if (root.TryGetProperty("_aws", out _))
            {
                LogMetrics(logger, line);
                return;
            }

            var level = LevelOf(Text(root, "level"));
            var message = Text(root, "message") ?? line;
            var error = Text(root, "errorType") is { } type ? $"{type}: {Text(root, "errorMessage")}" : null;
            var details = new StringBuilder();
            foreach (var name in new[] { "orderId", "outcome", "newStatus", "detail", "cause", "route", "statusCode" })
            {
                if (root.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    details.Append(' ').Append(name).Append('=').Append(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText());
                }
            }

            if (error is not null)
            {
                details.Append(" error=").Append(error);
            }

            LogLine(logger, level, message, details.ToString());
        }
    }

    private const string MetricDocumentStart = "{\"_aws\":";

    // The function's name is the logger's category (Function.{name}), so it is not repeated in the message.
    [LoggerMessage(Message = "{Message}{Details}")]
    private static partial void LogLine(ILogger logger, LogLevel level, string message, string details);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Line}")]
    private static partial void LogPlain(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Debug, Message = "metrics {Document}")]
    private static partial void LogMetrics(ILogger logger, string document);

    // Telemetry writes whole lines, but a TextWriter may be handed any pieces: lines are cut at '\n' here.
    private sealed class LineWriter(Action<string> onLine) : TextWriter
    {
        private readonly StringBuilder _pending = new();
        private readonly Lock _gate = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            string? line = null;
            lock (_gate)
            {
                if (value == '\n')
                {
                    line = _pending.ToString().TrimEnd('\r');
                    _pending.Clear();
                }
                else
                {
                    _pending.Append(value);
                }
            }

            if (line is not null)
            {
                onLine(line);
            }
        }

        public override void Write(string? value)
        {
            if (value is null)
            {
                return;
            }

            var lines = new List<string>();
            lock (_gate)
            {
                var start = 0;
                for (var i = value.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = value.IndexOf('\n', start))
                {
                    _pending.Append(value, start, i - start);
                    lines.Add(_pending.ToString().TrimEnd('\r'));
                    _pending.Clear();
                    start = i + 1;
                }

                _pending.Append(value, start, value.Length - start);
            }

            foreach (var line in lines)
            {
                onLine(line);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void WriteLine(string? value)
        {
            // Telemetry writes whole lines: pass them on as they are, without joining and splitting them again.
            if (value is not null && !value.Contains('\n', StringComparison.Ordinal))
            {
                bool whole;
                lock (_gate)
                {
                    whole = _pending.Length == 0;
                }

                if (whole)
                {
                    onLine(value.TrimEnd('\r'));
                    return;
                }
            }

            Write((value ?? "") + "\n");
        }

        public override void WriteLine() => Write('\n');
    }
}
