namespace OrderProcessing.Core.Orders;

/// <summary>
/// A listing of orders, newest first: all orders, those in one <see cref="Status"/>, or one customer's
/// (<see cref="CustomerId"/>). <see cref="Cursor"/> continues a previous page.
/// </summary>
public sealed record OrderQuery(OrderStatus? Status, string? CustomerId, int Limit, string? Cursor)
{
    /// <summary>A stable name of the query, binding cursors to it.</summary>
    public string Scope => CustomerId is not null ? $"customer:{CustomerId}" : Status is { } s ? $"status:{s.ToWire()}" : "all";
}
