namespace OrderProcessing.Topology;

/// <summary>The kind of resource a permission is scoped to. The Pulumi program turns each into concrete ARNs.</summary>
public enum ResourceKind
{
    /// <summary>A DynamoDB table of the storage schema (the table ARN itself).</summary>
    Table,

    /// <summary>Every declared index of a DynamoDB table (one ARN per index, never <c>index/*</c>).</summary>
    TableIndexes,

    /// <summary>One index of a table (<see cref="ResourceRef.IndexName"/>).</summary>
    TableIndex,

    /// <summary>Objects under the bucket's key prefix.</summary>
    BucketObjects,

    /// <summary>The function's own stage queue.</summary>
    OwnQueue,

    /// <summary>The stack's SES e-mail identity (the sender's address).</summary>
    MailIdentity,

    /// <summary>The stack's SES configuration set (bounce and complaint events).</summary>
    MailConfigurationSet,
}
