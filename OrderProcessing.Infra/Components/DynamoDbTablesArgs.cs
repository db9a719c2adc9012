using OrderProcessing.Infra.Plan.Storage;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="DynamoDbTables"/>.</summary>
public sealed class DynamoDbTablesArgs
{
    /// <summary>The tables to create, one per table of the storage schema.</summary>
    public required IReadOnlyList<TablePlan> Tables { get; init; }
}
