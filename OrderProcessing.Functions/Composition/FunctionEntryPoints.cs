using OrderProcessing.Functions.Api;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Functions.Sweeping;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// The one table from a function's topology name (its <c>_HANDLER</c>) to its constructor. Written out rather than found
/// by reflection so the Native AOT compiler sees every function it must keep, and a test checks it covers
/// <see cref="SystemTopology.Functions"/> exactly.
/// </summary>
public static class FunctionEntryPoints
{
    /// <summary>The environment variable Lambda sets to the function's handler setting: here, its topology name.</summary>
    public const string HandlerVariable = "_HANDLER";

    private static readonly Dictionary<string, Func<FunctionBootstrap, Func<Stream, CancellationToken, Task<Stream>>>> Constructors = new(StringComparer.Ordinal)
    {
        [SystemTopology.Api.Name] = bootstrap => new ApiFunction(bootstrap).HandleAsync,
        [SystemTopology.ReserveInventory.Name] = bootstrap => new ReserveInventoryFunction(bootstrap).HandleAsync,
        [SystemTopology.ChargePayment.Name] = bootstrap => new ChargePaymentFunction(bootstrap).HandleAsync,
        [SystemTopology.ShipOrder.Name] = bootstrap => new ShipOrderFunction(bootstrap).HandleAsync,
        [SystemTopology.GenerateInvoice.Name] = bootstrap => new GenerateInvoiceFunction(bootstrap).HandleAsync,
        [SystemTopology.Compensate.Name] = bootstrap => new CompensateFunction(bootstrap).HandleAsync,
        [SystemTopology.NotifyCustomer.Name] = bootstrap => new NotifyCustomerFunction(bootstrap).HandleAsync,
        [SystemTopology.SweepStuckOrders.Name] = bootstrap => new SweepStuckOrdersFunction(bootstrap).HandleAsync,
    };

    /// <summary>The names the table knows.</summary>
    public static IReadOnlyCollection<string> Names => Constructors.Keys;

    /// <summary>The topology entry named <paramref name="handler"/> (a <c>_HANDLER</c> value).</summary>
    /// <exception cref="UnknownFunctionException">No function of the topology has that name.</exception>
    public static FunctionDefinition Find(string? handler) =>
        SystemTopology.Functions.FirstOrDefault(f => string.Equals(f.Handler, handler, StringComparison.Ordinal))
        ?? throw new UnknownFunctionException(handler);

    /// <summary>Constructs <paramref name="function"/> over <paramref name="bootstrap"/> (made for that function).</summary>
    /// <exception cref="UnknownFunctionException">The table has no constructor for <paramref name="function"/>.</exception>
    public static FunctionEntryPoint Create(FunctionDefinition function, FunctionBootstrap bootstrap)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bootstrap);
        if (!Constructors.TryGetValue(function.Name, out var construct))
        {
            throw new UnknownFunctionException(function.Name);
        }

        return new FunctionEntryPoint(function.Name, FunctionBootstrap.Require(bootstrap, function).Telemetry, construct(bootstrap));
    }
}
