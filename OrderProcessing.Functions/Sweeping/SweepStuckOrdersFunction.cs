using System.Globalization;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Sweeping;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Sweeping;

/// <summary>
/// The scheduled sweeper (<see cref="SystemTopology.SweepStuckOrders"/>): on every tick it nudges at most
/// <see cref="SystemTopology.SweepLimit"/> orders stuck past their stage's deadline, and reports how many it found, nudged
/// and nudged for the second time or more in the same status (the alarm's metric: a nudge that did not help). The
/// schedule's event carries nothing the sweep needs, so it is not read. A failure is rethrown: the invocation fails, the
/// function's error alarm sees it, and the next tick sweeps again.
/// </summary>
public sealed class SweepStuckOrdersFunction
{
    /// <summary>Metric: orders found past their stage's deadline in one run.</summary>
    public const string FoundMetric = OperationalMetrics.StuckOrdersFound;

    /// <summary>Metric: orders nudged in one run.</summary>
    public const string NudgedMetric = OperationalMetrics.StuckOrdersNudged;

    /// <summary>Metric: orders nudged in one run that had been nudged before in the same status and version (stuck twice).</summary>
    public const string NudgedAgainMetric = OperationalMetrics.StuckOrdersNudgedAgain;

    private readonly StuckOrderSweeper _sweeper;
    private readonly Telemetry _telemetry;

    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public SweepStuckOrdersFunction()
        : this(FunctionBootstrap.FromEnvironment(SystemTopology.SweepStuckOrders))
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.SweepStuckOrders"/>.</summary>
    public SweepStuckOrdersFunction(FunctionBootstrap bootstrap)
        : this(FunctionBootstrap.Require(bootstrap, SystemTopology.SweepStuckOrders).Services.Sweeper, bootstrap.Telemetry)
    {
    }

    /// <summary>Creates the function over <paramref name="sweeper"/>.</summary>
    public SweepStuckOrdersFunction(StuckOrderSweeper sweeper, Telemetry telemetry)
    {
        _sweeper = sweeper ?? throw new ArgumentNullException(nameof(sweeper));
        _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
    }

    /// <summary>Runs one sweep; answers <c>{"found": n, "nudged": n, "nudgedAgain": n}</c>.</summary>
    public async Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        SweepReport report;
        try
        {
            report = await _sweeper.SweepAsync(SystemTopology.SweepLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _telemetry.Log(LogLevel.Error, "Sweep failed; the next scheduled run sweeps again", exception: e);
            throw;
        }

        foreach (var order in report.Orders)
        {
            _telemetry.Log(
                order.Nudges > 1 ? LogLevel.Warn : LogLevel.Info,
                order.Nudges > 1 ? "Order stuck again after a nudge; see its stage's dead letters and logs" : "Order stuck past its stage's deadline; nudged",
                orderId: order.OrderId,
                fields: new Dictionary<string, object?> { ["status"] = order.Status.ToWire(), ["version"] = order.Version, ["enteredAt"] = order.EnteredAt.ToString("O", CultureInfo.InvariantCulture), ["nudges"] = order.Nudges });
        }

        _telemetry.Metrics(
            new Dictionary<string, string>(),
            [Metric.Count(FoundMetric, report.Found), Metric.Count(NudgedMetric, report.Nudged), Metric.Count(NudgedAgainMetric, report.NudgedAgain)]);

        var output = new MemoryStream();
        await using (var json = new Utf8JsonWriter(output))
        {
            json.WriteStartObject();
            json.WriteNumber("found", report.Found);
            json.WriteNumber("nudged", report.Nudged);
            json.WriteNumber("nudgedAgain", report.NudgedAgain);
            json.WriteEndObject();
        }

        output.Position = 0;
        return output;
    }
}
