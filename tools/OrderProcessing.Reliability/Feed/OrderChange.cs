using OrderProcessing.Core.Orders;

namespace OrderProcessing.Reliability.Feed;

/// <summary>
/// One stored write of an order, as a stream record carries it: the new status (null for a removal), the version, and
/// the stored order itself (the record's new image; null for a removal or where a test does not need it).
/// </summary>
internal sealed record OrderChange(string OrderId, OrderStatus? NewStatus, OrderStatus? OldStatus, long Version, string? EventType, OrderSnapshot? Image = null);
