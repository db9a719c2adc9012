using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Stages;

/// <summary>Stage function for orders entering SHIPPED: renders and stores the invoice PDF, then completes the order.</summary>
public sealed class GenerateInvoiceFunction : StageFunction
{
    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public GenerateInvoiceFunction()
        : base(SystemTopology.GenerateInvoice)
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.GenerateInvoice"/>.</summary>
    public GenerateInvoiceFunction(FunctionBootstrap bootstrap)
        : base(SystemTopology.GenerateInvoice, bootstrap)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host); <paramref name="failures"/> hears of every failed message.</summary>
    public GenerateInvoiceFunction(SystemServices services, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.GenerateInvoice, services, telemetry, failures)
    {
    }
}
