using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Stages;

/// <summary>Stage function for orders entering PENDING: reserves every line's stock, or none.</summary>
public sealed class ReserveInventoryFunction : StageFunction
{
    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public ReserveInventoryFunction()
        : base(SystemTopology.ReserveInventory)
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.ReserveInventory"/>.</summary>
    public ReserveInventoryFunction(FunctionBootstrap bootstrap)
        : base(SystemTopology.ReserveInventory, bootstrap)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host); <paramref name="failures"/> hears of every failed message.</summary>
    public ReserveInventoryFunction(SystemServices services, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.ReserveInventory, services, telemetry, failures)
    {
    }
}
