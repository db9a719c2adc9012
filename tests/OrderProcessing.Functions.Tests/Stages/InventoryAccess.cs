using OrderProcessing.Core.Catalog;
using OrderProcessing.Functions.Composition;

namespace OrderProcessing.Functions.Tests.Stages;

/// <summary>Test shorthand for the inventory port behind the services.</summary>
internal static class InventoryAccess
{
    public static IInventory Inventory(this SystemServices services) => services.Ports.Inventory!;
}
