using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>A product item as read: catalog entry, counters and (when read) the reservation ledger.</summary>
internal sealed record ProductState(string ProductId, string Name, Money UnitPrice, StockLevel Stock, IReadOnlyDictionary<string, LedgerEntry> Ledger)
{
    public Product ToProduct() => new(ProductId, Name, UnitPrice, Stock);
}
