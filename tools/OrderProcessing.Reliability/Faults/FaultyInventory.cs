using OrderProcessing.Core.Catalog;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="IInventory"/>.</summary>
internal sealed class FaultyInventory(IInventory inner, PortFaults faults) : IInventory
{
    public Task<ReservationOutcome> ReserveAsync(string orderId, string productId, int quantity, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("inventory.reserve", orderId, productId, () => inner.ReserveAsync(orderId, productId, quantity, cancellationToken), outcome => outcome == ReservationOutcome.Reserved);

    public Task<bool> ReleaseAsync(string orderId, string productId, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("inventory.release", orderId, productId, () => inner.ReleaseAsync(orderId, productId, cancellationToken), moved => moved);

    public Task<bool> ShipAsync(string orderId, string productId, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("inventory.ship", orderId, productId, () => inner.ShipAsync(orderId, productId, cancellationToken), moved => moved);

    public Task<StockLevel?> GetStockAsync(string productId, CancellationToken cancellationToken = default) =>
        faults.ReadAsync("inventory.getStock", productId, "", () => inner.GetStockAsync(productId, cancellationToken));
}
