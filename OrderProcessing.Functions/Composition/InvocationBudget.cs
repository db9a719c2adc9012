namespace OrderProcessing.Functions.Composition;

/// <summary>
/// One invocation's running budget (see <see cref="InvocationTimeouts"/>): the token every store call of the invocation
/// takes. Dispose it when the invocation ends.
/// </summary>
public sealed class InvocationBudget : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    internal InvocationBudget(TimeSpan budget, CancellationToken deadline, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _timer = new CancellationTokenSource(budget, clock);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(_timer.Token, deadline);
    }

    /// <summary>Cancelled once the budget is spent or the invocation's deadline is reached.</summary>
    public CancellationToken Token => _linked.Token;

    /// <summary>True once the budget is spent or the deadline reached: work not yet started should not start.</summary>
    public bool IsSpent => _linked.IsCancellationRequested;

    /// <inheritdoc />
    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
