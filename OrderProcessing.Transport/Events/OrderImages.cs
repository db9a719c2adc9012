using Amazon.DynamoDBv2.Model;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Topology.Events.DynamoDb;

namespace OrderProcessing.Transport.Events;

/// <summary>
/// An order as a stream image carries it: exactly the item the DynamoDB adapter writes (<see cref="OrderItemMapper"/>),
/// index keys included, in the stream's JSON attribute-value form. In memory and on an endpoint without streams alike,
/// the stages and filters see what the table's stream would show them.
/// </summary>
public static class OrderImages
{
    /// <summary>The image of <paramref name="order"/>.</summary>
    public static IReadOnlyDictionary<string, DynamoDbAttributeValue> Of(OrderSnapshot order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return OrderItemMapper.ToItem(order).ToDictionary(a => a.Key, a => ToStream(a.Value), StringComparer.Ordinal);
    }

    /// <summary>One SDK attribute value as the stream writes it.</summary>
    public static DynamoDbAttributeValue ToStream(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value switch
        {
            { S: { } s } => new DynamoDbAttributeValue { S = s },
            { N: { } n } => new DynamoDbAttributeValue { N = n },
            { B: { } b } => new DynamoDbAttributeValue { B = Convert.ToBase64String(b.ToArray()) },
            { BOOL: { } flag } => new DynamoDbAttributeValue { Bool = flag },
            { NULL: true } => new DynamoDbAttributeValue { Null = true },
            { M: { } m } => new DynamoDbAttributeValue { M = m.ToDictionary(a => a.Key, a => ToStream(a.Value), StringComparer.Ordinal) },
            { L: { } l } => new DynamoDbAttributeValue { L = l.Select(ToStream).ToList() },
            { SS: { } ss } => new DynamoDbAttributeValue { SS = ss.ToList() },
            { NS: { } ns } => new DynamoDbAttributeValue { NS = ns.ToList() },
            { BS: { } bs } => new DynamoDbAttributeValue { BS = bs.Select(b => Convert.ToBase64String(b.ToArray())).ToList() },
            _ => throw new ArgumentException("The attribute value has no type set.", nameof(value)),
        };
    }
}
