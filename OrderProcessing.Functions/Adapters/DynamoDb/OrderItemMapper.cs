using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Topology.Storage;
using A = OrderProcessing.Topology.Storage.OrderItemAttributes;
using E = OrderProcessing.Topology.Storage.OrderEventAttributes;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// Maps an order to its DynamoDB item and back. The item is the whole order as named attributes (see
/// <see cref="OrderItemAttributes"/>) plus the index keys, so stream images are readable and the stage functions can
/// rebuild the order from a <c>NewImage</c> with <see cref="ToSnapshot"/>.
/// </summary>
public static class OrderItemMapper
{
    private const string LineProductId = "productId";
    private const string LineName = "name";
    private const string LineQuantity = "quantity";
    private const string LineUnitPrice = "unitPrice";
    private const string AddressLine1 = "line1";
    private const string AddressLine2 = "line2";
    private const string AddressCity = "city";
    private const string AddressRegion = "region";
    private const string AddressPostalCode = "postalCode";
    private const string AddressCountry = "country";
    private const string HistoryStatus = "status";
    private const string HistoryAt = "at";
    private const string HistoryReason = "reason";

    /// <summary>
    /// The optional attributes: absent from the item while the order has no value for them (the transition marker: while
    /// the write is no transition; the sweeper's nudge count: from every write but a nudge, so each write of the order
    /// starts it again).
    /// </summary>
    internal static IReadOnlyList<string> OptionalAttributes { get; } = [A.EnteredStatus, A.PaymentId, A.TrackingNumber, A.InvoiceKey, A.Nudges, A.NudgedAt];

    /// <summary>
    /// True when the write that stores <paramref name="order"/> is a state transition: it carries the order's new domain
    /// event (an insert and every status change). Only such a write carries the transition marker
    /// <see cref="OrderItemAttributes.EnteredStatus"/>; any other write (a same-status rewrite) must remove it.
    /// </summary>
    public static bool IsTransition(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.LastEvent.Version == order.Version;
    }

    /// <summary>The item for <paramref name="order"/>, index keys included, with the transition marker when the write is a transition (<see cref="IsTransition"/>).</summary>
    public static Dictionary<string, AttributeValue> ToItem(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var statusShards = OrderIndexKeys.ByStatus.WriteShards;
        var timeShards = OrderIndexKeys.ByTime.WriteShards;
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.OrderId] = Attr.S(order.OrderId),
            [A.CustomerId] = Attr.S(order.CustomerId),
            [A.CustomerEmail] = Attr.S(order.CustomerEmail),
            [A.CustomerName] = Attr.S(order.CustomerName),
            [A.Status] = Attr.S(order.Status.ToWire()),
            [A.Version] = Attr.N(order.Version),
            [A.Currency] = Attr.S(order.Currency.Code),
            [A.Lines] = Attr.L(order.Lines.Select(LineToAttribute).ToList()),
            [A.ShippingAddress] = Attr.M(AddressToMap(order.ShippingAddress)),
            [A.PaymentToken] = Attr.S(order.PaymentToken),
            [A.CreatedAt] = Attr.S(StoredTime.ToText(order.CreatedAt)),
            [A.UpdatedAt] = Attr.S(StoredTime.ToText(order.UpdatedAt)),
            [A.History] = Attr.L(order.History.Select(HistoryToAttribute).ToList()),
            [A.LastEventType] = Attr.S(order.LastEvent.Type),
            [A.LastEvent] = Attr.M(EventToMap(order.LastEvent)),
            [A.CreatedKey] = Attr.S(OrderIndexKeys.CreatedKey(order.CreatedAt, order.OrderId)),
            [A.StatusShard] = Attr.S(OrderIndexKeys.StatusShard(order.Status, OrderIndexKeys.ShardOf(order.OrderId, statusShards))),
            [A.TimeShard] = Attr.S(OrderIndexKeys.TimeShard(OrderIndexKeys.ShardOf(order.OrderId, timeShards))),
        };
        Attr.SetIfNotNull(item, A.EnteredStatus, IsTransition(order) ? order.Status.ToWire() : null);
        Attr.SetIfNotNull(item, A.PaymentId, order.PaymentId);
        Attr.SetIfNotNull(item, A.TrackingNumber, order.TrackingNumber);
        Attr.SetIfNotNull(item, A.InvoiceKey, order.InvoiceKey);
        return item;
    }

    /// <summary>The tombstone that replaces a deleted order: its id, the <see cref="OrderItemAttributes.Deleted"/> marker and the expiry.</summary>
    public static Dictionary<string, AttributeValue> ToTombstone(string orderId, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        return new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.OrderId] = Attr.S(orderId),
            [A.Deleted] = new AttributeValue { BOOL = true },
            [A.ExpiresAt] = Attr.N(StoredTime.ToEpochSecondsCeiling(expiresAt)),
        };
    }

    /// <summary>True when <paramref name="item"/> is the tombstone of a deleted order rather than an order.</summary>
    public static bool IsTombstone(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.TryGetValue(A.Deleted, out var deleted) && deleted.BOOL == true;
    }

    /// <summary>
    /// The order in <paramref name="item"/> (a stored item, a Query result or a stream image). Throws
    /// <see cref="FormatException"/> naming the attribute when the item is not an order.
    /// </summary>
    public static OrderSnapshot ToSnapshot(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var currencyCode = Attr.GetS(item, A.Currency);
        if (!Currency.TryFrom(currencyCode, out var currency))
        {
            throw new FormatException($"The stored order has an unsupported currency '{currencyCode}'.");
        }

        return new OrderSnapshot(
            OrderId: Attr.GetS(item, A.OrderId),
            CustomerId: Attr.GetS(item, A.CustomerId),
            CustomerEmail: Attr.GetS(item, A.CustomerEmail),
            CustomerName: Attr.GetS(item, A.CustomerName),
            Status: OrderStatusNames.Parse(Attr.GetS(item, A.Status)),
            Version: Attr.GetLong(item, A.Version),
            Currency: currency,
            Lines: Attr.GetL(item, A.Lines).Select(LineFromAttribute).ToList(),
            ShippingAddress: AddressFromMap(Attr.GetM(item, A.ShippingAddress)),
            PaymentToken: Attr.GetS(item, A.PaymentToken),
            PaymentId: Attr.GetOptionalS(item, A.PaymentId),
            TrackingNumber: Attr.GetOptionalS(item, A.TrackingNumber),
            InvoiceKey: Attr.GetOptionalS(item, A.InvoiceKey),
            CreatedAt: StoredTime.Parse(Attr.GetS(item, A.CreatedAt)),
            UpdatedAt: StoredTime.Parse(Attr.GetS(item, A.UpdatedAt)),
            History: Attr.GetL(item, A.History).Select(HistoryFromAttribute).ToList(),
            LastEvent: EventFromMap(Attr.GetM(item, A.LastEvent)));
    }

    /// <summary>The order id of an item, a stream image or a stream record's <c>Keys</c>.</summary>
    public static string OrderIdOf(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Attr.GetS(item, A.OrderId);
    }

    private static AttributeValue LineToAttribute(OrderLineSnapshot line) => Attr.M(new Dictionary<string, AttributeValue>
    {
        [LineProductId] = Attr.S(line.ProductId),
        [LineName] = Attr.S(line.Name),
        [LineQuantity] = Attr.N(line.Quantity),
        [LineUnitPrice] = Attr.N(line.UnitPrice),
    });

    private static OrderLineSnapshot LineFromAttribute(AttributeValue value)
    {
        var m = value.M ?? throw new FormatException($"Every entry of '{A.Lines}' must be a map.");
        return new OrderLineSnapshot(Attr.GetS(m, LineProductId), Attr.GetS(m, LineName), Attr.GetInt(m, LineQuantity), Attr.GetDecimal(m, LineUnitPrice));
    }

    private static Dictionary<string, AttributeValue> AddressToMap(Address address)
    {
        var m = new Dictionary<string, AttributeValue>
        {
            [AddressLine1] = Attr.S(address.Line1),
            [AddressCity] = Attr.S(address.City),
            [AddressPostalCode] = Attr.S(address.PostalCode),
            [AddressCountry] = Attr.S(address.Country),
        };
        Attr.SetIfNotNull(m, AddressLine2, address.Line2);
        Attr.SetIfNotNull(m, AddressRegion, address.Region);
        return m;
    }

    private static Address AddressFromMap(Dictionary<string, AttributeValue> m) => new(
        Attr.GetS(m, AddressLine1),
        Attr.GetOptionalS(m, AddressLine2),
        Attr.GetS(m, AddressCity),
        Attr.GetOptionalS(m, AddressRegion),
        Attr.GetS(m, AddressPostalCode),
        Attr.GetS(m, AddressCountry));

    private static AttributeValue HistoryToAttribute(StatusChange change) => Attr.M(new Dictionary<string, AttributeValue>
    {
        [HistoryStatus] = Attr.S(change.Status.ToWire()),
        [HistoryAt] = Attr.S(StoredTime.ToText(change.At)),
        [HistoryReason] = Attr.S(change.Reason),
    });

    private static StatusChange HistoryFromAttribute(AttributeValue value)
    {
        var m = value.M ?? throw new FormatException($"Every entry of '{A.History}' must be a map.");
        return new StatusChange(OrderStatusNames.Parse(Attr.GetS(m, HistoryStatus)), StoredTime.Parse(Attr.GetS(m, HistoryAt)), Attr.GetS(m, HistoryReason));
    }

    private static Dictionary<string, AttributeValue> EventToMap(OrderEvent e)
    {
        var m = new Dictionary<string, AttributeValue>
        {
            [E.Type] = Attr.S(e.Type),
            [E.OrderId] = Attr.S(e.OrderId),
            [E.Status] = Attr.S(e.Status.ToWire()),
            [E.Version] = Attr.N(e.Version),
            [E.At] = Attr.S(StoredTime.ToText(e.At)),
            [E.Reason] = Attr.S(e.Reason),
        };
        Attr.SetIfNotNull(m, E.PreviousStatus, e.PreviousStatus?.ToWire());
        return m;
    }

    private static OrderEvent EventFromMap(Dictionary<string, AttributeValue> m)
    {
        var previous = Attr.GetOptionalS(m, E.PreviousStatus);
        return new OrderEvent(
            Attr.GetS(m, E.Type),
            Attr.GetS(m, E.OrderId),
            OrderStatusNames.Parse(Attr.GetS(m, E.Status)),
            previous is null ? null : OrderStatusNames.Parse(previous),
            Attr.GetLong(m, E.Version),
            StoredTime.Parse(Attr.GetS(m, E.At)),
            Attr.GetS(m, E.Reason));
    }
}
