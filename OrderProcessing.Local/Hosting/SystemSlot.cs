namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Holds the <see cref="LocalSystem"/> for the host's services: it is composed after the container is built (so the
/// functions log through the host's loggers) and disposed with the container.
/// </summary>
public sealed class SystemSlot : IAsyncDisposable
{
    private LocalSystem? _system;

    /// <summary>The system; throws if read before it is composed.</summary>
    public LocalSystem System => _system ?? throw new InvalidOperationException("The local system is not composed yet.");

    /// <summary>Sets the system, once.</summary>
    public void Fill(LocalSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (Interlocked.CompareExchange(ref _system, system, null) is not null)
        {
            throw new InvalidOperationException("The local system is already composed.");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _system?.DisposeAsync() ?? ValueTask.CompletedTask;
}
