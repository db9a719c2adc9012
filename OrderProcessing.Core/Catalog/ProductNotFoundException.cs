using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Catalog;

/// <summary>No product has this id. HTTP 404.</summary>
public sealed class ProductNotFoundException(string productId) : NotFoundException("product", productId);
