using System.Globalization;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// The order gave up its stock too recently to be deleted: the pipeline may still be releasing it and refunding the
/// payment, and needs the stored order to do so. HTTP 409; the request succeeds after <see cref="DeletableFrom"/>.
/// </summary>
public sealed class OrderStillSettlingException : ConflictException
{
    /// <summary>Creates the exception.</summary>
    public OrderStillSettlingException(string orderId, OrderStatus status, DateTimeOffset deletableFrom)
        : base(string.Create(CultureInfo.InvariantCulture, $"Order '{orderId}' became {status.ToWire()} recently; its stock and payment may still be being released. It can be deleted from {deletableFrom:O}."))
    {
        DeletableFrom = deletableFrom;
    }

    /// <summary>When the order can be deleted.</summary>
    public DateTimeOffset DeletableFrom { get; }
}
