using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>The pipeline's routing table of design section 4 (stage name and the status that triggers it), and the stages of an <see cref="InMemorySystem"/> by name.</summary>
public sealed class PipelineStages(InMemorySystem system)
{
    public static readonly IReadOnlyDictionary<string, OrderStatus> Trigger = new Dictionary<string, OrderStatus>
    {
        ["reserve-inventory"] = OrderStatus.Pending,
        ["charge-payment"] = OrderStatus.Reserved,
        ["ship-order"] = OrderStatus.Paid,
        ["generate-invoice"] = OrderStatus.Shipped,
        ["compensate"] = OrderStatus.Cancelled,
    };

    public static IReadOnlyList<string> Names { get; } = [.. Trigger.Keys];

    /// <summary>The stage an order entering <paramref name="status"/> is routed to, or null when none is.</summary>
    public static string? RoutedTo(OrderStatus status) => Trigger.Where(t => t.Value == status).Select(t => t.Key).SingleOrDefault();

    public IEnumerable<IOrderStage> All => Names.Select(name => Create(name));

    /// <summary>The stage, reading and writing orders through <paramref name="orders"/> (the system's repository by default).</summary>
    public IOrderStage Create(string name, IOrderRepository? orders = null) => name switch
    {
        "reserve-inventory" => system.Reserve(orders),
        "charge-payment" => system.Charge(orders),
        "ship-order" => system.Ship(orders),
        "generate-invoice" => system.Invoice(orders),
        "compensate" => system.Compensate(orders),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
