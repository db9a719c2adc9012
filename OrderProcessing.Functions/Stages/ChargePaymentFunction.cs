using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Stages;

/// <summary>Stage function for orders entering RESERVED: captures payment, or releases stock and fails the order.</summary>
public sealed class ChargePaymentFunction : StageFunction
{
    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public ChargePaymentFunction()
        : base(SystemTopology.ChargePayment)
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.ChargePayment"/>.</summary>
    public ChargePaymentFunction(FunctionBootstrap bootstrap)
        : base(SystemTopology.ChargePayment, bootstrap)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host); <paramref name="failures"/> hears of every failed message.</summary>
    public ChargePaymentFunction(SystemServices services, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.ChargePayment, services, telemetry, failures)
    {
    }
}
