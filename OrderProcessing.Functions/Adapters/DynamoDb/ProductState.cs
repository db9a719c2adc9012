using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Pricing;
using P = OrderProcessing.Topology.Storage.ProductItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>A product item as read: catalog entry, counters and (when read) the reservation ledger.</summary>
internal sealed record ProductState(string ProductId, string Name, Money UnitPrice, StockLevel Stock, IReadOnlyDictionary<string, LedgerEntry> Ledger)
{
    /// <summary>The attributes a catalog read needs; the ledger, the bulk of the item, is left out.</summary>
    public static string CatalogProjection { get; } = string.Join(", ", new[] { P.ProductId, P.Name, P.UnitPrice, P.Currency, P.Available, P.Reserved, P.Shipped }.Select(a => "#" + a));

    /// <summary>Placeholders for <see cref="CatalogProjection"/> (<c>name</c> is a reserved word, so every name goes through one).</summary>
    public static Dictionary<string, string> CatalogProjectionNames() =>
        new[] { P.ProductId, P.Name, P.UnitPrice, P.Currency, P.Available, P.Reserved, P.Shipped }.ToDictionary(a => "#" + a, a => a, StringComparer.Ordinal);

    public Product ToProduct() => new(ProductId, Name, UnitPrice, Stock);

    public static ProductState FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var code = Attr.GetS(item, P.Currency);
        var currency = Currency.TryFrom(code, out var c) ? c : throw new FormatException($"The stored product has an unsupported currency '{code}'.");
        var ledger = item.TryGetValue(P.Ledger, out var l) && l.M is { } m
            ? m.ToDictionary(e => e.Key, e => LedgerEntry.FromAttribute(e.Key, e.Value), StringComparer.Ordinal)
            : new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        return new ProductState(
            Attr.GetS(item, P.ProductId),
            Attr.GetS(item, P.Name),
            new Money(Attr.GetDecimal(item, P.UnitPrice), currency),
            new StockLevel(Attr.GetInt(item, P.Available), Attr.GetInt(item, P.Reserved), Attr.GetInt(item, P.Shipped)),
            ledger);
    }
}
