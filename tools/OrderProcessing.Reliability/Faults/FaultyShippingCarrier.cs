using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Shipping;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="IShippingCarrier"/>.</summary>
internal sealed class FaultyShippingCarrier(IShippingCarrier inner, PortFaults faults) : IShippingCarrier
{
    public Task<string> CreateShipmentAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return faults.ExternalAsync("carrier.ship", order.OrderId, () => inner.CreateShipmentAsync(order, cancellationToken));
    }
}
