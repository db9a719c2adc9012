using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Notifications;

/// <summary>Which status sends which e-mail: the one table the mail function and its subscription filter read.</summary>
public static class CustomerMails
{
    private static readonly Dictionary<OrderStatus, CustomerMailKind> ByStatus = new()
    {
        [OrderStatus.Pending] = CustomerMailKind.OrderReceived,
        [OrderStatus.PaymentFailed] = CustomerMailKind.PaymentFailed,
        [OrderStatus.Shipped] = CustomerMailKind.Shipped,
        [OrderStatus.Completed] = CustomerMailKind.Completed,
        [OrderStatus.Cancelled] = CustomerMailKind.Cancelled,
        [OrderStatus.OutOfStock] = CustomerMailKind.OutOfStock,
    };

    /// <summary>Every status an e-mail is sent for, in lifecycle order (<c>RESERVED</c> and <c>PAID</c> are internal steps).</summary>
    public static IReadOnlyList<OrderStatus> Statuses { get; } = [.. Enum.GetValues<OrderStatus>().Where(ByStatus.ContainsKey)];

    /// <summary>The e-mail for an order entering <paramref name="status"/>, or null when none is sent.</summary>
    public static CustomerMailKind? KindFor(OrderStatus status) => ByStatus.TryGetValue(status, out var kind) ? kind : null;

    /// <summary>The status whose arrival sends <paramref name="kind"/>.</summary>
    public static OrderStatus StatusOf(CustomerMailKind kind) => ByStatus.Single(p => p.Value == kind).Key;
}
