using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// One short line per log entry, <c>time LEVEL source message</c>, where the source is the function (<c>api</c>,
/// <c>reserve-inventory</c>) or the part of the host (<c>pipeline</c>, <c>notification</c>), so the story of an order
/// reads top to bottom in the console.
/// </summary>
internal sealed class LocalConsoleFormatter : ConsoleFormatter
{
    /// <summary>The formatter's name in console logger options.</summary>
    public const string FormatterName = "orderprocessing-local";

    public LocalConsoleFormatter()
        : base(FormatterName)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var level = logEntry.LogLevel switch
        {
            LogLevel.Trace => "TRACE",
            LogLevel.Debug => "DEBUG",
            LogLevel.Information => "INFO ",
            LogLevel.Warning => "WARN ",
            LogLevel.Error => "ERROR",
            _ => "CRIT ",
        };
        textWriter.Write($"{DateTimeOffset.Now:HH:mm:ss.fff} {level} {Source(logEntry.Category),-17} {message}{Environment.NewLine}");
        if (logEntry.Exception is { } e)
        {
            textWriter.Write("    " + e.ToString().Replace(Environment.NewLine, Environment.NewLine + "    ", StringComparison.Ordinal) + Environment.NewLine);
        }
    }

    private static string Source(string category) => category switch
    {
        _ when category.StartsWith("Function.", StringComparison.Ordinal) => category["Function.".Length..],
        _ when category.EndsWith(".StageDispatcher", StringComparison.Ordinal) => "pipeline",
        _ when category.EndsWith(".OrderChangeFeed", StringComparison.Ordinal) => "change-feed",
        _ when category.Contains(".Notifications.", StringComparison.Ordinal) => "notification",
        _ when category.EndsWith(".ApiGatewayProxy", StringComparison.Ordinal) => "gateway",
        _ when category.EndsWith(".LocalSystemFactory", StringComparison.Ordinal) => "storage",
        "OrderProcessing.Local" or "Microsoft.Hosting.Lifetime" => "host",
        _ => category[(category.LastIndexOf('.') + 1)..],
    };
}
