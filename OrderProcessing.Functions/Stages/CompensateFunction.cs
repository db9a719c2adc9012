using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Stages;

/// <summary>Stage function for orders entering CANCELLED: releases their stock and refunds a captured payment.</summary>
public sealed class CompensateFunction : StageFunction
{
    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public CompensateFunction()
        : base(SystemTopology.Compensate)
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.Compensate"/>.</summary>
    public CompensateFunction(FunctionBootstrap bootstrap)
        : base(SystemTopology.Compensate, bootstrap)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host); <paramref name="failures"/> hears of every failed message.</summary>
    public CompensateFunction(SystemServices services, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.Compensate, services, telemetry, failures)
    {
    }
}
