namespace OrderProcessing.Topology.Storage;

/// <summary>A key attribute of a table or index: its name and scalar type.</summary>
public sealed record KeyAttribute(string Name, AttributeKind Kind)
{
    /// <summary>The DynamoDB type letter (<c>S</c> or <c>N</c>).</summary>
    public string TypeCode => Kind == AttributeKind.String ? "S" : "N";
}
