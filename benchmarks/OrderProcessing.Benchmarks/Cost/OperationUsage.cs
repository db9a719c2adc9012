namespace OrderProcessing.Benchmarks.Cost;

/// <summary>One AWS operation a function called, per order.</summary>
/// <param name="Operation">Service and operation (<c>DynamoDB:UpdateItem</c>).</param>
/// <param name="CallsPerOrder">Calls per order.</param>
/// <param name="ReadUnitsPerOrder">DynamoDB read request units per order (as the server reported them).</param>
/// <param name="WriteUnitsPerOrder">DynamoDB write request units per order on the table (as reported).</param>
/// <param name="IndexWriteUnitsPerOrder">Write request units of global secondary indexes per order (estimated).</param>
public sealed record OperationUsage(string Operation, double CallsPerOrder, double ReadUnitsPerOrder, double WriteUnitsPerOrder, double IndexWriteUnitsPerOrder);
