using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Invocation;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Dispatch;

/// <summary>
/// The in-process pipeline: what the orders stream, its one pipe, the order-events topic with its filtered subscriptions,
/// the stage queues and their event source mappings do in AWS. Each transition change becomes the
/// <see cref="OrderProcessing.Topology.Events.Orders.OrderEventEnvelope"/> the pipe publishes (<see cref="OrderEventEnvelopes"/>;
/// a same-status write, a removal or a tombstone becomes none), which is routed by its <c>status</c> to the stage the
/// topology's routing table names (<see cref="SystemTopology.StageFor"/>, the table the subscriptions' filters are built
/// from), queued as the message body, and delivered to the stage function in SQS-shaped batches of at most the stage's
/// batch size, with the stage's timeout, the delivery policy's retry delays, its receive limit and a dead-letter list
/// that keeps the cause of every failed receive (from the functions' <see cref="StageFailureLog"/>).
/// Run as a hosted service, one pump per stage receives as soon as messages are visible; stopping lets every batch in
/// flight finish and messages not yet received stay queued. A driven run (the reliability tool's) instead calls
/// <see cref="TryReceive"/> and <see cref="DeliverAsync"/> itself, on its own clock.
/// </summary>
public sealed partial class StageDispatcher : IOrderChangeSubscriber, IHostedService, IDisposable
{
    private readonly IReadOnlyList<StageQueue> _queues;
    private readonly IReadOnlyDictionary<string, IFunctionHandler> _handlers;
    private readonly DispatcherOptions _options;
    private readonly IDeliveryPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly ILogger<StageDispatcher> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _pumps = [];
    private readonly Dictionary<string, int> _routed = new(StringComparer.Ordinal);
    private readonly Lock _routedGate = new();
    private int _unrouted;
    private int _inFlightBatches;

    /// <summary>
    /// Creates the dispatcher for <paramref name="stages"/> (normally <see cref="SystemTopology.Stages"/>), delivering with
    /// <paramref name="policy"/> (in order with <paramref name="options"/>' delays when null).
    /// </summary>
    public StageDispatcher(
        IReadOnlyList<FunctionDefinition> stages,
        Func<FunctionDefinition, IFunctionHandler> handlerFor,
        DispatcherOptions options,
        TimeProvider clock,
        ILogger<StageDispatcher> logger,
        StageFailureLog? failures = null,
        IDeliveryPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        ArgumentNullException.ThrowIfNull(handlerFor);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _policy = policy ?? new InOrderDelivery(options);
        Failures = failures ?? new StageFailureLog();
        var duplicate = stages.Where(s => s.Trigger.Kind == TriggerKind.StageQueue).GroupBy(s => s.Trigger.Status).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Stages {string.Join(", ", duplicate.Select(s => s.Name))} are all triggered by {duplicate.Key?.ToWire()}.", nameof(stages));
        }

        _queues = stages.Select(s => new StageQueue(s, _policy, clock)).ToList();
        _handlers = stages.ToDictionary(s => s.Name, handlerFor, StringComparer.Ordinal);
    }

    /// <summary>Where the stage functions report why they failed a message; give it to them when composing them.</summary>
    public StageFailureLog Failures { get; }

    /// <summary>Told of every failed receive as it is settled (a run's report counts them); called under no lock.</summary>
    public Action<FailedReceive>? ReceiveFailed { get; set; }

    /// <summary>
    /// Told of every envelope the pipe publishes to the order-events topic, as its JSON (the body every subscribed queue
    /// receives), whether or not a queue here subscribes to its status; called under no lock. Tests check it against the
    /// published contracts under <c>contracts/</c>.
    /// </summary>
    public Action<string>? Published { get; set; }

    /// <summary>Changes routed to each stage so far (before the policy's copies), by stage name.</summary>
    public IReadOnlyDictionary<string, int> RoutedChanges
    {
        get
        {
            lock (_routedGate)
            {
                return new Dictionary<string, int>(_routed, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Changes no stage consumes (removals, same-status writes, and statuses no trigger names): the pipe's or the subscriptions' filters drop them.</summary>
    public int UnroutedChanges => Volatile.Read(ref _unrouted);

    /// <summary>When the next waiting message of any stage becomes visible, or null when none waits.</summary>
    public DateTimeOffset? NextVisibleAt => _queues.Select(q => q.NextVisibleAt).Where(t => t is not null).Min();

    /// <summary>Every stage queue, in topology order.</summary>
    public IReadOnlyList<StageQueue> Queues => _queues;

    /// <summary>True once stopping has begun: no new batch starts.</summary>
    public bool IsStopping => _stopping.IsCancellationRequested;

    /// <summary>True once <see cref="StopAsync"/> saw every batch in flight finish.</summary>
    public bool StoppedCleanly { get; private set; }

    /// <summary>Every dead letter of every stage, oldest first.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters => _queues.SelectMany(q => q.DeadLetters).OrderBy(d => d.DeadLetteredAt).ToList();

    /// <summary>The queue of the stage the topology's routing table names for orders entering <paramref name="status"/>, or null when no stage is (or it is not run here).</summary>
    public StageQueue? Route(OrderStatus status) => SystemTopology.StageFor(status) is { } stage ? Find(stage.Name) : null;

    /// <summary>The queue of the stage for an envelope's <paramref name="status"/> wire name, or null when it names no stage's status.</summary>
    public StageQueue? Route(string? status) => OrderStatusNames.TryParse(status, out var parsed) ? Route(parsed) : null;

    /// <summary>The queue of the stage named <paramref name="stage"/>, or null.</summary>
    public StageQueue? Find(string stage) => _queues.FirstOrDefault(q => string.Equals(q.Name, stage, StringComparison.Ordinal));

    /// <inheritdoc />
    public void OnChange(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);

        // The pipe forwards only transitions (removals, tombstones and same-status writes carry no marker), and each
        // subscription takes only its statuses: the stage's one, an event subscriber's several; anything else goes nowhere.
        var envelope = OrderEventEnvelopes.ForChange(change);
        var body = envelope is null ? null : OrderEventEnvelopes.ToJson(envelope);
        if (body is not null)
        {
            Published?.Invoke(body);
        }

        var queues = envelope is null ? [] : Subscribers(envelope.Status);
        if (queues.Count == 0)
        {
            Interlocked.Increment(ref _unrouted);
            return;
        }

        var status = envelope!.Status!;
        foreach (var queue in queues)
        {
            lock (_routedGate)
            {
                _routed[queue.Name] = _routed.GetValueOrDefault(queue.Name) + 1;
            }

            var messageId = "";
            foreach (var delay in _policy.CopyDelays())
            {
                messageId = queue.Send(body!, delay);
            }

            if (IsStopping)
            {
                LogQueuedWhileStopping(_logger, change.OrderId, status, queue.Name);
            }
            else
            {
                LogRouted(_logger, change.OrderId, status, queue.Name, messageId);
            }
        }
    }

    /// <summary>
    /// Every queue subscribed to orders entering <paramref name="status"/> (wire name): the stage's (<see cref="Route(string?)"/>)
    /// first, then each event subscriber whose filter names it.
    /// </summary>
    public IReadOnlyList<StageQueue> Subscribers(string? status)
    {
        if (!OrderStatusNames.TryParse(status, out var parsed))
        {
            return [];
        }

        var stage = Route(parsed);
        return [.. stage is null ? [] : new[] { stage }, .. _queues.Where(q => q.Stage.Trigger.Kind == TriggerKind.EventQueue && q.Stage.Trigger.Statuses.Contains(parsed))];
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_pumps.Count > 0 || IsStopping)
        {
            throw new InvalidOperationException("The dispatcher runs once.");
        }

        foreach (var queue in _queues)
        {
            _pumps.Add(Task.Run(() => PumpAsync(queue, _stopping.Token), CancellationToken.None));
        }

        LogStarted(_logger, string.Join(", ", _queues.Select(q => $"{q.Name} <- {string.Join("|", q.Stage.Trigger.Statuses.Select(s => s.ToWire()))} (batch {q.Stage.BatchSize}, {q.Stage.MaxReceiveCount} receives, {q.Stage.TimeoutSeconds} s)")));
        return Task.CompletedTask;
    }

    /// <summary>Stops receiving and waits for every batch in flight to finish; what is still queued stays queued.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!IsStopping)
        {
            LogStopping(_logger, Volatile.Read(ref _inFlightBatches));
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        try
        {
            await Task.WhenAll(_pumps).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LogAbandoned(_logger, Volatile.Read(ref _inFlightBatches));
            return;
        }

        StoppedCleanly = true;
        var left = _queues.Select(q => q.Counts).Where(c => c.Pending > 0).ToList();
        LogStopped(_logger, left.Count == 0 ? "none" : string.Join(", ", left.Select(c => $"{c.Stage}: {c.Pending}")));
    }

    /// <summary>Pauses or resumes a stage (local diagnostics: hold orders at a status to see what happens then).</summary>
    public void SetPaused(string stage, bool paused)
    {
        var queue = Find(stage) ?? throw new ArgumentException($"No stage named '{stage}'.", nameof(stage));
        if (paused)
        {
            queue.Pause();
        }
        else
        {
            queue.Resume();
        }

        LogPaused(_logger, queue.Name, paused ? "paused: its messages wait in the queue" : "resumed");
    }

    /// <summary>Enqueues a raw body to a stage, as if the topic had delivered it (local diagnostics: poison messages).</summary>
    public string Inject(string stage, string body)
    {
        var queue = Find(stage) ?? throw new ArgumentException($"No stage named '{stage}'.", nameof(stage));
        var messageId = queue.Send(body);
        LogInjected(_logger, queue.Name, messageId);
        return messageId;
    }

    /// <summary>
    /// For a driven run: receives one batch from the stage the delivery policy picks among those with visible messages,
    /// or returns false when no message is visible. Deliver it with <see cref="DeliverAsync"/>.
    /// </summary>
    public bool TryReceive(out StageQueue queue, out IReadOnlyList<ReceivedMessage> batch)
    {
        var visible = _queues.Select(q => q.IsPaused ? 0 : q.Counts.Visible).ToList();
        queue = null!;
        batch = [];
        if (visible.All(v => v == 0))
        {
            return false;
        }

        queue = _queues[_policy.ChooseStage(visible)];
        batch = queue.Receive();
        return batch.Count > 0;
    }

    /// <summary>
    /// Moves every stage's dead letters back to its queue with a fresh receive count (SQS's redrive); returns how many moved.
    /// </summary>
    public int RedriveDeadLetters() => _queues.Sum(q => q.Redrive());

    /// <inheritdoc />
    public void Dispose() => _stopping.Dispose();

    private static string Describe(Exception e) => $"{e.GetType().Name}: {e.Message}";

    private async Task PumpAsync(StageQueue queue, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await queue.WaitForVisibleAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }

            var batch = queue.Receive();
            if (batch.Count == 0)
            {
                continue;
            }

            // Once received, a batch is always finished and settled, even while stopping: the function runs to its end
            // (or its timeout) and every message is deleted or returned to the queue. Nothing is left half-done.
            Interlocked.Increment(ref _inFlightBatches);
            try
            {
                await DeliverAsync(queue, batch).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlightBatches);
            }
        }
    }

    /// <summary>
    /// Invokes the stage function with <paramref name="batch"/> (received from <paramref name="queue"/>) as an SQS event
    /// and settles every message: deleted when done, failed (retried or dead-lettered, with its cause) when the function
    /// reported it, failed the invocation, timed out or answered something that is not a batch response. Never throws.
    /// </summary>
    public async Task DeliverAsync(StageQueue queue, IReadOnlyList<ReceivedMessage> batch)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(batch);
        var handler = _handlers[queue.Name];
        var ids = batch.Select(m => m.MessageId).ToList();
        var timeout = TimeSpan.FromSeconds(queue.Stage.TimeoutSeconds);
        IReadOnlySet<string> failed;
        string cause;
        try
        {
            var sqsEvent = SqsEventFactory.Create(batch, _options.QueueNamePrefix + queue.Name, _options);
            failed = await StageInvocation.FailedMessageIdsAsync(handler, sqsEvent, timeout, _clock).ConfigureAwait(false);
            cause = $"{handler.Name} reported it in batchItemFailures";
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            failed = ids.ToHashSet(StringComparer.Ordinal);
            cause = $"{handler.Name} timed out after {queue.Stage.TimeoutSeconds} s";
        }
        catch (FormatException e)
        {
            failed = ids.ToHashSet(StringComparer.Ordinal);
            cause = $"{handler.Name} returned an invalid batch response: {e.Message}";
        }
        catch (Exception e)
        {
            // A function error fails the whole batch, as Lambda does; the cause is kept with each message.
            failed = ids.ToHashSet(StringComparer.Ordinal);
            cause = $"{handler.Name} failed: {Describe(e)}";
            LogInvocationFailed(_logger, e, handler.Name, batch.Count);
        }

        foreach (var message in batch)
        {
            var reported = Failures.Take(queue.Name, message.MessageId);
            if (!failed.Contains(message.MessageId))
            {
                queue.Delete(message.MessageId);
                continue;
            }

            var messageCause = reported is null ? cause : $"{cause}: {reported.Cause}";
            var outcome = queue.Fail(message.MessageId, messageCause);
            ReceiveFailed?.Invoke(new FailedReceive(queue.Name, message.MessageId, message.Body, outcome.ReceiveCount, messageCause, reported, outcome.DeadLettered));
            if (outcome.DeadLettered)
            {
                LogDeadLettered(_logger, queue.Name, message.MessageId, outcome.ReceiveCount, messageCause);
            }
            else
            {
                LogRetrying(_logger, queue.Name, message.MessageId, outcome.ReceiveCount, queue.Stage.MaxReceiveCount, messageCause, outcome.RetryIn!.Value.TotalMilliseconds);
            }
        }

        LogDelivered(_logger, queue.Name, batch.Count, batch.Count - failed.Count, failed.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stage dispatcher started: {Routes}")]
    private static partial void LogStarted(ILogger logger, string routes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} entered {Status}: queued for {Stage} as message {MessageId}")]
    private static partial void LogRouted(ILogger logger, string orderId, string status, string stage, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} entered {Status} while stopping: queued for {Stage}, not delivered before exit")]
    private static partial void LogQueuedWhileStopping(ILogger logger, string orderId, string status, string stage);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Diagnostics: injected message {MessageId} into the {Stage} queue")]
    private static partial void LogInjected(ILogger logger, string stage, string messageId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Stage}: batch of {Count}: {Succeeded} done, {Failed} to retry or dead-letter")]
    private static partial void LogDelivered(ILogger logger, string stage, int count, int succeeded, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Diagnostics: stage {Stage} {State}")]
    private static partial void LogPaused(ILogger logger, string stage, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Stage}: message {MessageId} failed on receive {ReceiveCount} of {MaxReceiveCount} ({Cause}); visible again in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string stage, string messageId, int receiveCount, int maxReceiveCount, string cause, double delayMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Stage}: message {MessageId} moved to the dead-letter list after {ReceiveCount} receives; last cause: {Cause}")]
    private static partial void LogDeadLettered(ILogger logger, string stage, string messageId, int receiveCount, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Stage}: invocation with a batch of {Count} failed")]
    private static partial void LogInvocationFailed(ILogger logger, Exception exception, string stage, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stage dispatcher stopping: no new batches; letting {InFlight} batch(es) in flight finish")]
    private static partial void LogStopping(ILogger logger, int inFlight);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stage dispatcher stopped: every batch in flight finished and settled; messages still queued: {Left}")]
    private static partial void LogStopped(ILogger logger, string left);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stage dispatcher: shutdown timed out with {InFlight} batch(es) still running; their messages stay queued")]
    private static partial void LogAbandoned(ILogger logger, int inFlight);
}
