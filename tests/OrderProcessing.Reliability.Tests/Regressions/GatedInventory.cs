using OrderProcessing.Core.Catalog;

namespace OrderProcessing.Reliability.Tests.Regressions;

/// <summary>An inventory whose next reservation waits for <see cref="Open"/>: a stage that read the order, then went slow.</summary>
internal sealed class GatedInventory(IInventory inner) : IInventory
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a reservation is waiting at the gate.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the waiting reservation through.</summary>
    public void Open() => _gate.TrySetResult();

    public async Task<ReservationOutcome> ReserveAsync(string orderId, string productId, int quantity, CancellationToken cancellationToken = default)
    {
        _reached.TrySetResult();
        await _gate.Task.ConfigureAwait(false);
        return await inner.ReserveAsync(orderId, productId, quantity, cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> ReleaseAsync(string orderId, string productId, CancellationToken cancellationToken = default) => inner.ReleaseAsync(orderId, productId, cancellationToken);

    public Task<bool> ShipAsync(string orderId, string productId, CancellationToken cancellationToken = default) => inner.ShipAsync(orderId, productId, cancellationToken);

    public Task<StockLevel?> GetStockAsync(string productId, CancellationToken cancellationToken = default) => inner.GetStockAsync(productId, cancellationToken);
}
