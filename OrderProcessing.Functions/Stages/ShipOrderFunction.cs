using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Stages;

/// <summary>Stage function for orders entering PAID: ships the reserved stock and records the tracking number.</summary>
public sealed class ShipOrderFunction : StageFunction
{
    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public ShipOrderFunction()
        : base(SystemTopology.ShipOrder)
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.ShipOrder"/>.</summary>
    public ShipOrderFunction(FunctionBootstrap bootstrap)
        : base(SystemTopology.ShipOrder, bootstrap)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host); <paramref name="failures"/> hears of every failed message.</summary>
    public ShipOrderFunction(SystemServices services, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.ShipOrder, services, telemetry, failures)
    {
    }
}
