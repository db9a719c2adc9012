using OrderProcessing.Core.Pipeline;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>Every stage of an <see cref="InMemorySystem"/>, by name, for tests that apply to all of them.</summary>
public sealed class PipelineStages(InMemorySystem system)
{
    public static readonly string[] Names = ["reserve-inventory", "charge-payment", "ship-order", "generate-invoice", "compensate"];

    public IEnumerable<IOrderStage> All => Names.Select(Create);

    public IOrderStage Create(string name) => name switch
    {
        "reserve-inventory" => system.Reserve(),
        "charge-payment" => system.Charge(),
        "ship-order" => system.Ship(),
        "generate-invoice" => system.Invoice(),
        "compensate" => system.Compensate(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
