namespace OrderProcessing.Topology.Storage;

/// <summary>The DynamoDB scalar type of a key attribute.</summary>
public enum AttributeKind
{
    /// <summary>String (<c>S</c>).</summary>
    String,

    /// <summary>Number (<c>N</c>).</summary>
    Number,
}
