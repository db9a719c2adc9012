namespace OrderProcessing.Functions.Api.Resources;

/// <summary>One line of an exported order.</summary>
public sealed record OrderExportItemResource(string ProductId, int Quantity);
