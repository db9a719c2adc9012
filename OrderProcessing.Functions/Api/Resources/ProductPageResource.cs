namespace OrderProcessing.Functions.Api.Resources;

/// <summary>A page of products by id; <c>nextCursor</c> is null on the last page.</summary>
public sealed record ProductPageResource(IReadOnlyList<ProductResource> Items, string? NextCursor);
