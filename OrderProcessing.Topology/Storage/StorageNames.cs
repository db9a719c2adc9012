namespace OrderProcessing.Topology.Storage;

/// <summary>
/// The physical name of every table and bucket of <see cref="StorageSchema"/>, keyed by the schema's own entries. The
/// one naming rule is <see cref="Prefixed"/> (prefix + logical name): the Pulumi plan names a stack's storage with it
/// (<c>order-processing-dev-orders</c>), the local host and the tests make their sets with it. In AWS the functions read
/// each name from the setting the schema names (<see cref="FromSettings"/>).
/// </summary>
public sealed class StorageNames : IEquatable<StorageNames>
{
    private readonly Dictionary<string, string> _names;

    private StorageNames(Dictionary<string, string> names) => _names = names;

    /// <summary>Every name made of <paramref name="prefix"/> and the logical name (<c>dev-orders</c>, ..., <c>dev-invoices</c>). Bucket names must be lower case.</summary>
    public static StorageNames Prefixed(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new StorageNames(AllEntries().ToDictionary(e => e.LogicalName, e => prefix + e.LogicalName, StringComparer.Ordinal));
    }

    /// <summary>Every name, read from the settings the schema names; fails naming the first missing one.</summary>
    public static StorageNames FromSettings(Func<string, string?> read) =>
        new(AllEntries().ToDictionary(e => e.LogicalName, e => Require(e.EnvironmentVariable, read), StringComparer.Ordinal));

    /// <summary>The value of setting <paramref name="name"/>, or an exception naming it. A function reads only the settings it needs.</summary>
    public static string Require(string name, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = read(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The setting {name} is missing or empty; it names a storage resource (see StorageSchema).")
            : value;
    }

    /// <summary>The physical name of <paramref name="table"/>.</summary>
    public string Table(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Lookup(table.LogicalName);
    }

    /// <summary>The physical name of <paramref name="bucket"/>.</summary>
    public string Bucket(BucketSchema bucket)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        return Lookup(bucket.LogicalName);
    }

    /// <summary>These names with <paramref name="bucket"/> called <paramref name="name"/> (bucket names are global, so a local run may need its own).</summary>
    public StorageNames WithBucket(BucketSchema bucket, string name)
    {
        ArgumentNullException.ThrowIfNull(bucket);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _ = Lookup(bucket.LogicalName);
        return new StorageNames(new Dictionary<string, string>(_names, StringComparer.Ordinal) { [bucket.LogicalName] = name });
    }

    /// <summary>The settings a function reads, as environment variable name to value (for the local host and end-to-end tests).</summary>
    public IReadOnlyDictionary<string, string> ToSettings() =>
        AllEntries().ToDictionary(e => e.EnvironmentVariable, e => _names[e.LogicalName], StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Equals(StorageNames? other) =>
        other is not null && _names.Count == other._names.Count && _names.All(n => other._names.TryGetValue(n.Key, out var v) && v == n.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as StorageNames);

    /// <inheritdoc />
    public override int GetHashCode() => _names.OrderBy(n => n.Key, StringComparer.Ordinal).Aggregate(0, (h, n) => HashCode.Combine(h, n.Key, n.Value));

    private string Lookup(string logicalName) => _names.TryGetValue(logicalName, out var name)
        ? name
        : throw new ArgumentException($"'{logicalName}' is not in the storage schema.", nameof(logicalName));

    private static IEnumerable<(string LogicalName, string EnvironmentVariable)> AllEntries() =>
        StorageSchema.Tables.Select(t => (t.LogicalName, t.EnvironmentVariable)).Concat(StorageSchema.Buckets.Select(b => (b.LogicalName, b.EnvironmentVariable)));
}
