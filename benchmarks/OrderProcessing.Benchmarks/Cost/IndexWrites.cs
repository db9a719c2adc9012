using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Benchmarks.Cost;

/// <summary>
/// Estimates the write units DynamoDB charges for global secondary indexes, which dynalite does not report. Per index of
/// the written table (from <see cref="StorageSchema"/>): a write that gives the item a new index key costs a put (and a
/// delete of the old index entry when it had one); a write that keeps the key costs one update when the index projects
/// every attribute (the item changed) and nothing when it is keys-only. An index entry is taken to be as large as the
/// item (projection ALL) or one unit (keys only). Index keys last written are remembered per item to see changes.
/// </summary>
public sealed class IndexWrites
{
    private readonly ConcurrentDictionary<(string Table, string Key, string Attribute), string> _lastKeys = new();

    /// <summary>Forgets remembered keys.</summary>
    public void Reset() => _lastKeys.Clear();

    /// <summary>The index write units of <paramref name="request"/>, whose table write cost <paramref name="tableUnits"/>.</summary>
    public double Observe(AmazonWebServiceRequest request, double tableUnits)
    {
        var (table, key, written) = request switch
        {
            PutItemRequest r => (r.TableName, KeyOf(r.TableName, r.Item), (IReadOnlyDictionary<string, string?>)r.Item.ToDictionary(a => a.Key, a => (string?)a.Value.S)),
            UpdateItemRequest r => (r.TableName, KeyOf(r.TableName, r.Key), SetValues(r)),
            DeleteItemRequest r => (r.TableName, KeyOf(r.TableName, r.Key), null),
            _ => (null, null, null),
        };
        if (table is null || key is null || SchemaOf(table) is not { } schema)
        {
            return 0;
        }

        double units = 0;
        foreach (var index in schema.Indexes)
        {
            var indexUnits = index.Projection == IndexProjection.KeysOnly ? 1 : tableUnits;
            string[] keyAttributes = [index.PartitionKey.Name, index.SortKey.Name];
            if (written is null)
            {
                units += keyAttributes.All(a => _lastKeys.ContainsKey((table, key, a))) ? indexUnits : 0;
                continue;
            }

            var hadKey = keyAttributes.All(a => _lastKeys.ContainsKey((table, key, a)));
            var changed = keyAttributes.Any(a => written.TryGetValue(a, out var v) && (!_lastKeys.TryGetValue((table, key, a), out var old) || old != v));
            foreach (var a in keyAttributes)
            {
                if (written.TryGetValue(a, out var v) && v is not null)
                {
                    _lastKeys[(table, key, a)] = v;
                }
            }

            var hasKey = keyAttributes.All(a => _lastKeys.ContainsKey((table, key, a)));
            if (!hasKey)
            {
                continue;
            }

            units += changed
                ? indexUnits * (hadKey ? 2 : 1)
                : index.Projection == IndexProjection.KeysOnly ? 0 : indexUnits;
        }

        return units;
    }

    private static TableSchema? SchemaOf(string table) =>
        StorageSchema.Tables.FirstOrDefault(t => table.EndsWith(t.LogicalName, StringComparison.Ordinal));

    private static string? KeyOf(string table, Dictionary<string, AttributeValue>? item) =>
        SchemaOf(table) is { } schema && item is not null && item.TryGetValue(schema.PartitionKey.Name, out var v) ? v.S : null;

    // The attributes an UpdateItem sets directly ("#name = :value"), with their string values.
    private static Dictionary<string, string?> SetValues(UpdateItemRequest request)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var expression = request.UpdateExpression ?? "";
        var set = expression.StartsWith("SET ", StringComparison.Ordinal) ? expression[4..] : "";
        var end = set.IndexOf(" REMOVE ", StringComparison.Ordinal);
        if (end >= 0)
        {
            set = set[..end];
        }

        foreach (var assignment in set.Split(','))
        {
            var parts = assignment.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !parts[1].StartsWith(':') || parts[1].Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var name = request.ExpressionAttributeNames is { } names && names.TryGetValue(parts[0], out var n) ? n : parts[0];
            values[name] = request.ExpressionAttributeValues is { } vals && vals.TryGetValue(parts[1], out var v) ? v.S ?? v.N : null;
        }

        return values;
    }
}
