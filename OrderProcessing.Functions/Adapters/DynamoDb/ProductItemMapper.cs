using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Pricing;
using P = OrderProcessing.Topology.Storage.ProductItemAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>Maps a product item of the products table (<see cref="P"/>) to <see cref="ProductState"/> and back: the one place both ports read its layout.</summary>
internal static class ProductItemMapper
{
    /// <summary>The one partition value of the keys-only <c>listing</c> index.</summary>
    public const string ListPartitionValue = "products";

    private static readonly string[] CatalogAttributes = [P.ProductId, P.Name, P.UnitPrice, P.Currency, P.Available, P.Reserved, P.Shipped];

    /// <summary>The attributes a catalog read needs; the ledger, the bulk of the item, is left out.</summary>
    public static string CatalogProjection { get; } = string.Join(", ", CatalogAttributes.Select(a => "#" + a));

    /// <summary>Placeholders for <see cref="CatalogProjection"/> (<c>name</c> is a reserved word, so every name goes through one).</summary>
    public static Dictionary<string, string> CatalogProjectionNames() => CatalogAttributes.ToDictionary(a => "#" + a, a => a, StringComparer.Ordinal);

    public static Dictionary<string, AttributeValue> Key(string productId) => new(StringComparer.Ordinal) { [P.ProductId] = Attr.S(productId) };

    /// <summary>A new product: its catalog entry, all of its stock available, nothing reserved or shipped, an empty ledger.</summary>
    public static Dictionary<string, AttributeValue> NewItem(string productId, string name, Money unitPrice, int available) => new(StringComparer.Ordinal)
    {
        [P.ProductId] = Attr.S(productId),
        [P.Name] = Attr.S(name),
        [P.UnitPrice] = Attr.N(unitPrice.Amount),
        [P.Currency] = Attr.S(unitPrice.Currency.Code),
        [P.Available] = Attr.N(available),
        [P.Reserved] = Attr.N(0),
        [P.Shipped] = Attr.N(0),
        [P.Ledger] = Attr.M([]),
        [P.ListPartition] = Attr.S(ListPartitionValue),
    };

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
