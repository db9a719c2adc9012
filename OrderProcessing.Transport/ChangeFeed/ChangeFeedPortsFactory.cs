using OrderProcessing.Functions.Composition;

namespace OrderProcessing.Transport.ChangeFeed;

/// <summary>
/// Wraps a ports factory so that every function's orders store raises the shared <see cref="OrderChangeFeed"/>, as every
/// writer's item reaches the orders table's one stream.
/// </summary>
public sealed class ChangeFeedPortsFactory(IPortsFactory inner, OrderChangeFeed feed) : IPortsFactory
{
    /// <inheritdoc />
    public SystemPorts Create(FunctionSettings settings)
    {
        var ports = inner.Create(settings);
        return ports.Orders is null ? ports : ports with { Orders = new ChangeFeedOrderRepository(ports.Orders, feed) };
    }
}
