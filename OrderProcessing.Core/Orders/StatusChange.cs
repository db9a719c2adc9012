namespace OrderProcessing.Core.Orders;

/// <summary>One entry of an order's history: the status it entered, when, and why.</summary>
public sealed record StatusChange(OrderStatus Status, DateTimeOffset At, string Reason);
