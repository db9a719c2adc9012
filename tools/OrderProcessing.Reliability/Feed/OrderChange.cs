using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Feed;

/// <summary>One stored write of an order, as a stream record carries it: the new status (null for a removal) and version.</summary>
internal sealed record OrderChange(string OrderId, OrderStatus? NewStatus, OrderStatus? OldStatus, long Version, string? EventType);
