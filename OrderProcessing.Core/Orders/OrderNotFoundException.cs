using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>No order has this id. HTTP 404.</summary>
public sealed class OrderNotFoundException(string orderId) : NotFoundException("order", orderId);
