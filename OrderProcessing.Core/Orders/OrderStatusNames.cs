using System.Collections.Frozen;

namespace OrderProcessing.Core.Orders;

/// <summary>The wire names of <see cref="OrderStatus"/> (<c>PAYMENT_FAILED</c>), used in JSON, storage and routing filters.</summary>
public static class OrderStatusNames
{
    private static readonly FrozenDictionary<OrderStatus, string> Names = new Dictionary<OrderStatus, string>
    {
        [OrderStatus.Pending] = "PENDING",
        [OrderStatus.Reserved] = "RESERVED",
        [OrderStatus.OutOfStock] = "OUT_OF_STOCK",
        [OrderStatus.Paid] = "PAID",
        [OrderStatus.PaymentFailed] = "PAYMENT_FAILED",
        [OrderStatus.Shipped] = "SHIPPED",
        [OrderStatus.Completed] = "COMPLETED",
        [OrderStatus.Cancelled] = "CANCELLED",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, OrderStatus> ByName =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every wire name, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<OrderStatus>().Select(s => Names[s]).ToList();

    /// <summary>The wire name of <paramref name="status"/>.</summary>
    public static string ToWire(this OrderStatus status) => Names[status];

    /// <summary>Parses a wire name (exact, upper case).</summary>
    public static bool TryParse(string? name, out OrderStatus status)
    {
        if (name is not null && ByName.TryGetValue(name, out status))
        {
            return true;
        }

        status = default;
        return false;
    }

    /// <summary>Parses a wire name or throws <see cref="FormatException"/>.</summary>
    public static OrderStatus Parse(string name) =>
        TryParse(name, out var s) ? s : throw new FormatException($"'{name}' is not an order status; expected one of {string.Join(", ", All)}.");
}
