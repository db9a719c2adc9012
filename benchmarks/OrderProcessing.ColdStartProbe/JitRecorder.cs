using System.Diagnostics.Tracing;

namespace OrderProcessing.ColdStartProbe;

/// <summary>
/// Records which methods the JIT compiles (the runtime's MethodJittingStarted events, read in process), grouped by
/// namespace: what ReadyToRun did not cover. Only for the untimed breakdown run: listening costs start-up time itself.
/// </summary>
internal sealed class JitRecorder : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;
    private readonly Dictionary<string, int> _byGroup = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Methods compiled so far, by group.</summary>
    public IReadOnlyDictionary<string, int> ByGroup
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, int>(_byGroup, StringComparer.Ordinal);
            }
        }
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName != "MethodJittingStarted_V1" && eventData.EventName != "MethodJittingStarted")
        {
            return;
        }

        var index = eventData.PayloadNames?.IndexOf("MethodNamespace") ?? -1;
        var name = index >= 0 ? eventData.Payload?[index] as string ?? "" : "";
        var group = Group(name);
        lock (_gate)
        {
            _byGroup[group] = _byGroup.GetValueOrDefault(group) + 1;
        }
    }

    // Async builders and state machines, System.Text.Json, collections and LINQ, the AWS SDK, this system, the rest.
    private static string Group(string type) => type switch
    {
        _ when type.StartsWith("System.Runtime.CompilerServices.Async", StringComparison.Ordinal) || type.Contains("+<", StringComparison.Ordinal) => "async state machines and builders",
        _ when type.StartsWith("System.Text.Json", StringComparison.Ordinal) => "System.Text.Json",
        _ when type.StartsWith("System.Collections", StringComparison.Ordinal) || type.StartsWith("System.Linq", StringComparison.Ordinal) => "collections and LINQ",
        _ when type.StartsWith("Amazon", StringComparison.Ordinal) => "AWS SDK",
        _ when type.StartsWith("OrderProcessing", StringComparison.Ordinal) => "OrderProcessing",
        _ => "other framework and runtime",
    };
}
