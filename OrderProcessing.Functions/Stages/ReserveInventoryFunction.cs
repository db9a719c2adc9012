using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Stages;

/// <summary>Stage function for orders entering PENDING: reserves every line's stock, or none.</summary>
public sealed class ReserveInventoryFunction : StageFunction
{
    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public ReserveInventoryFunction()
        : this(FunctionBootstrap.FromEnvironment(SystemTopology.ReserveInventory))
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.ReserveInventory"/>.</summary>
    public ReserveInventoryFunction(FunctionBootstrap bootstrap)
        : this(FunctionBootstrap.Require(bootstrap, SystemTopology.ReserveInventory).Services, bootstrap.Telemetry, bootstrap.StageFailures)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host); <paramref name="failures"/> hears of every failed message.</summary>
    public ReserveInventoryFunction(SystemServices services, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.ReserveInventory, (services ?? throw new ArgumentNullException(nameof(services))).ReserveInventory, telemetry, failures)
    {
    }

    /// <summary>Handles an SQS event of Pipes-forwarded stream records; returns <c>{"batchItemFailures": [...]}</c>.</summary>
    public Task<Stream> HandleAsync(Stream input) => ProcessAsync(input);
}
