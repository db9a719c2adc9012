using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Sweeping;

/// <summary>
/// Plays the sweeper's schedule locally: every <see cref="LocalOptions.SweepInterval"/> it invokes the
/// <see cref="SystemTopology.SweepStuckOrders"/> function, the same one AWS runs (in process, or as its child process),
/// with the empty event a schedule sends. Off when the interval is zero. A failed run is logged and the next tick runs again,
/// as a failed scheduled invocation in AWS is.
/// </summary>
public sealed partial class StuckOrderSweepTimer(SystemSlot slot, LocalOptions options, TimeProvider clock, ILogger<StuckOrderSweepTimer> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <inheritdoc />
    /// <remarks>The timer starts here, not in the background loop, so the first tick is one interval after start, whenever the loop gets going.</remarks>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.SweepInterval > TimeSpan.Zero)
        {
            _timer = new PeriodicTimer(options.SweepInterval, clock);
        }

        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>One scheduled run; returns the function's answer (<c>found</c>, <c>nudged</c>, <c>nudgedAgain</c>), or null when it failed.</summary>
    public async Task<JsonElement?> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var function = slot.System.StageFunction(SystemTopology.SweepStuckOrders);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(SystemTopology.SweepStuckOrders.TimeoutSeconds));
        try
        {
            await using var answer = await function.InvokeAsync(new MemoryStream("{}"u8.ToArray()), deadline.Token).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(answer, cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = json.RootElement.Clone();
            if (root.TryGetProperty("found", out var found) && found.GetInt32() > 0)
            {
                LogSwept(logger, found.GetInt32(), root.GetProperty("nudged").GetInt32(), root.GetProperty("nudgedAgain").GetInt32());
            }

            return root;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            LogSweepFailed(logger, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeper: {Found} orders stuck past their stage's deadline, {Nudged} nudged, {NudgedAgain} of them stuck twice")]
    private static partial void LogSwept(ILogger logger, int found, int nudged, int nudgedAgain);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sweeper: the run failed; the next tick sweeps again")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
