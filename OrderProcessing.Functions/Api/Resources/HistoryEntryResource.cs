namespace OrderProcessing.Functions.Api.Resources;

/// <summary>One entry of an order's history: the status entered, when (UTC), and why.</summary>
public sealed record HistoryEntryResource(string Status, DateTime At, string Reason);
