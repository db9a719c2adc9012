using Amazon.DynamoDBv2.Model;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>One order's reservation of a product, as kept in the product item's ledger map.</summary>
internal sealed record LedgerEntry(int Quantity, string State, long ChangedAtEpochSeconds)
{
    public const string QuantityField = "q";
    public const string StateField = "s";
    public const string ChangedField = "t";
    public const string ReservedState = "reserved";
    public const string ReleasedState = "released";
    public const string ShippedState = "shipped";

    public bool IsLive => State == ReservedState;

    public AttributeValue ToAttribute() => Attr.M(new Dictionary<string, AttributeValue>
    {
        [QuantityField] = Attr.N(Quantity),
        [StateField] = Attr.S(State),
        [ChangedField] = Attr.N(ChangedAtEpochSeconds),
    });

    public static LedgerEntry FromAttribute(string orderId, AttributeValue value)
    {
        var m = value.M ?? throw new FormatException($"The ledger entry of order '{orderId}' is not a map.");
        return new LedgerEntry(Attr.GetInt(m, QuantityField), Attr.GetS(m, StateField), Attr.GetLong(m, ChangedField));
    }
}
