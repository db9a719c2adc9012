namespace OrderProcessing.Functions.Api.Resources;

/// <summary>A page of orders, newest first; <c>nextCursor</c> is null on the last page.</summary>
public sealed record OrderPageResource(IReadOnlyList<OrderResource> Items, string? NextCursor);
