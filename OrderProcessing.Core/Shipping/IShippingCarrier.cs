using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Shipping;

/// <summary>The carrier port: creates a shipment and returns its tracking number. Idempotent per order.</summary>
public interface IShippingCarrier
{
    /// <summary>Creates (or finds) the order's shipment and returns its tracking number.</summary>
    Task<string> CreateShipmentAsync(Order order, CancellationToken cancellationToken = default);
}
