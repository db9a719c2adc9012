namespace OrderProcessing.Topology;

/// <summary>A symbolic reference to a resource of the system, by kind and logical name (a table or bucket of the storage schema).</summary>
public sealed record ResourceRef(ResourceKind Kind, string LogicalName)
{
    /// <summary>A table by logical name.</summary>
    public static ResourceRef Table(string logicalName) => new(ResourceKind.Table, logicalName);

    /// <summary>Every index of a table.</summary>
    public static ResourceRef TableIndexes(string logicalName) => new(ResourceKind.TableIndexes, logicalName);

    /// <summary>One index of a table, for a function that reads through that index only.</summary>
    public static ResourceRef TableIndex(string logicalName, string indexName) => new(ResourceKind.TableIndex, logicalName)
    {
        IndexName = !string.IsNullOrEmpty(indexName) ? indexName : throw new ArgumentException("An index needs a name.", nameof(indexName)),
    };

    /// <summary>The index of a <see cref="ResourceKind.TableIndex"/> reference; null for every other kind.</summary>
    public string? IndexName { get; init; }

    /// <summary>Objects of a bucket under its prefix.</summary>
    public static ResourceRef BucketObjects(string logicalName) => new(ResourceKind.BucketObjects, logicalName);

    /// <summary>The function's own queue.</summary>
    public static ResourceRef OwnQueue { get; } = new(ResourceKind.OwnQueue, "queue");

    /// <summary>The SES e-mail identity customer e-mail is sent from.</summary>
    public static ResourceRef MailIdentity { get; } = new(ResourceKind.MailIdentity, "customer-mail");

    /// <summary>The SES configuration set customer e-mail is sent through.</summary>
    public static ResourceRef MailConfigurationSet { get; } = new(ResourceKind.MailConfigurationSet, "customer-mail");
}
