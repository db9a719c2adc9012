using OrderProcessing.Functions.Observability;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// One composed function, ready to be invoked: the event in, the answer out, with the deadline of the invocation as a
/// cancellation token. The Lambda runtime loop of the <c>bootstrap</c> executable and the local host both call
/// functions only through this, so they cannot disagree on how a function is entered.
/// </summary>
public sealed class FunctionEntryPoint
{
    private readonly Func<Stream, CancellationToken, Task<Stream>> _invoke;

    /// <summary>Creates the entry point of the function named <paramref name="name"/>.</summary>
    /// <param name="name">The function's topology name (its <c>_HANDLER</c>).</param>
    /// <param name="telemetry">The function's logs, which the runtime loop writes its own lines to as well.</param>
    /// <param name="invoke">Handles one invocation event.</param>
    public FunctionEntryPoint(string name, Telemetry telemetry, Func<Stream, CancellationToken, Task<Stream>> invoke)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(telemetry);
        ArgumentNullException.ThrowIfNull(invoke);
        Name = name;
        Telemetry = telemetry;
        _invoke = invoke;
    }

    /// <summary>The function's topology name.</summary>
    public string Name { get; }

    /// <summary>The function's logs and metrics.</summary>
    public Telemetry Telemetry { get; }

    /// <summary>Handles one invocation event; <paramref name="cancellationToken"/> is cancelled at the invocation's deadline.</summary>
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) => _invoke(input, cancellationToken);
}
