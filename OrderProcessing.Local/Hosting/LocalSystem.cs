using OrderProcessing.Core.Orders;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// The system as the local host runs it, composed once at start: the API function and every stage function of the
/// topology over one set of stores, the orders store wrapped in the change feed that drives the stages.
/// </summary>
public sealed class LocalSystem : IAsyncDisposable
{
    /// <summary>The API function.</summary>
    public required IFunctionHandler Api { get; init; }

    /// <summary>The stage function of a stage of the topology.</summary>
    public required Func<FunctionDefinition, IFunctionHandler> StageFunction { get; init; }

    /// <summary>The orders store's change feed, raised by every function's orders store.</summary>
    public required OrderChangeFeed ChangeFeed { get; init; }

    /// <summary>Where the stage functions report why they failed a message; the dispatcher records it with the message.</summary>
    public StageFailureLog? FailureCauses { get; init; }

    /// <summary>Puts the demo catalog.</summary>
    public required Func<CancellationToken, Task<int>> SeedCatalogAsync { get; init; }

    /// <summary>
    /// The orders store to look for unfinished orders in at start (persistent storage), or null (in memory, where
    /// nothing survives a stop).
    /// </summary>
    public IOrderRepository? ResumeFrom { get; init; }

    /// <summary>The operator's stuck-order calls over the host's orders store (the change feed carries a nudge to the stage); null when the system has none.</summary>
    public Functions.Sweeping.StuckOrderOperations? StuckOrders { get; init; }

    /// <summary>Where customer e-mails go.</summary>
    public required Mail.LocalMail Mail { get; init; }

    /// <summary>One line saying where the data lives, for the start-up banner.</summary>
    public required string StorageDescription { get; init; }

    /// <summary>Whatever must be disposed with the system (AWS clients).</summary>
    public IReadOnlyList<IDisposable> Resources { get; init; } = [];

    /// <summary>What must be stopped with the system before <see cref="Resources"/> (the function processes, their endpoints), in order.</summary>
    public IReadOnlyList<IAsyncDisposable> Services { get; init; } = [];

    /// <summary>
    /// This system with other function handlers (a test's recording API, a stage that fails on demand) and every other
    /// part its own, so a wrapper never has to copy the members one by one and cannot leave one out.
    /// </summary>
    public LocalSystem WithFunctions(IFunctionHandler api, Func<FunctionDefinition, IFunctionHandler> stageFunction) => new()
    {
        Api = api,
        StageFunction = stageFunction,
        ChangeFeed = ChangeFeed,
        FailureCauses = FailureCauses,
        SeedCatalogAsync = SeedCatalogAsync,
        ResumeFrom = ResumeFrom,
        StuckOrders = StuckOrders,
        Mail = Mail,
        StorageDescription = StorageDescription,
        Resources = Resources,
        Services = Services,
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var service in Services)
        {
            await service.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var resource in Resources)
        {
            resource.Dispose();
        }
    }
}
