using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Stages;

/// <summary>Stage function for orders entering PAID: ships the reserved stock and records the tracking number.</summary>
public sealed class ShipOrderFunction : StageFunction
{
    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public ShipOrderFunction()
        : this(FunctionBootstrap.FromEnvironment(SystemTopology.ShipOrder))
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.ShipOrder"/>.</summary>
    public ShipOrderFunction(FunctionBootstrap bootstrap)
        : this(FunctionBootstrap.Require(bootstrap, SystemTopology.ShipOrder).Services, bootstrap.Telemetry, bootstrap.StageFailures)
    {
    }

    /// <summary>Creates the function over <paramref name="services"/> (tests and the local host); <paramref name="failures"/> hears of every failed message.</summary>
    public ShipOrderFunction(SystemServices services, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.ShipOrder, (services ?? throw new ArgumentNullException(nameof(services))).ShipOrder, telemetry, failures)
    {
    }

    /// <summary>Handles an SQS event of Pipes-forwarded stream records; returns <c>{"batchItemFailures": [...]}</c>.</summary>
    public Task<Stream> HandleAsync(Stream input) => ProcessAsync(input);
}
