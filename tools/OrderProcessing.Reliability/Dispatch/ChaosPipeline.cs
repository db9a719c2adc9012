using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Reliability.Faults;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Invocation;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// The in-process transport driven on the run's logical clock with the chaos delivery policy: each transition change
/// becomes the order event envelope and is routed by its status through the topology (a same-status write goes nowhere), put on the queue one to three times, received in random order and in random
/// batches, and a failed message comes back after a delay until the topology's receive limit sends it to a dead-letter
/// list with its cause. Client requests scheduled on the clock run alongside, so they race the stages; a stalled
/// delivery holds no slot, and the clock jumps ahead when nothing can run.
/// </summary>
internal sealed class ChaosPipeline : IOrderChangeSubscriber, IDisposable
{
    private const string Prefix = "orderprocessing-reliability-";
    private readonly StageDispatcher _transport;
    private readonly PipelineOptions _options;
    private readonly Lock _gate = new();
    private readonly List<DeadLetterRow> _deadLetters = [];
    private readonly List<string> _unexpected = [];
    private readonly Dictionary<string, int> _causes = new(StringComparer.Ordinal);
    private readonly PriorityQueue<Func<Task>, (long Due, long Sequence)> _scheduled = new();
    private readonly List<Task> _inFlight = [];
    private long _scheduleSequence;
    private int _batches;
    private int _largestBatch;
    private int _redriveRound;
    private int _redriven;

    /// <summary>Creates the pipeline delivering to the stage functions <paramref name="stages"/> makes, which report their failures to <paramref name="failures"/>.</summary>
    public ChaosPipeline(Func<FunctionDefinition, IFunctionHandler> stages, StageFailureLog failures, PipelineOptions options, LogicalClock? clock = null)
    {
        ArgumentNullException.ThrowIfNull(stages);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Clock = clock ?? new LogicalClock();
        _transport = new StageDispatcher(
            SystemTopology.Stages,
            f => new CallerScopedHandler(stages(f)),
            new DispatcherOptions { AccountId = "123456789012", QueueNamePrefix = Prefix },
            Clock,
            NullLogger<StageDispatcher>.Instance,
            failures,
            new ChaosDelivery(options.Delivery))
        {
            ReceiveFailed = OnFailed,
        };
    }

    /// <summary>The logical clock; fault decorators stall on it, and it is the transport's time.</summary>
    public LogicalClock Clock { get; }

    /// <summary>Messages waiting in the dead-letter lists.</summary>
    public int DeadLettersWaiting => _transport.DeadLetters.Count;

    /// <summary>Takes one change from the feed and, for a transition, queues its envelope's copies for the stage its status routes to.</summary>
    public void OnChange(OrderChange change) => _transport.OnChange(change);

    /// <summary>Runs <paramref name="action"/> (a client request) when the clock reaches <paramref name="tick"/>.</summary>
    public void Schedule(long tick, Func<Task> action)
    {
        lock (_gate)
        {
            _scheduled.Enqueue(action, (tick, _scheduleSequence++));
        }
    }

    /// <summary>Delivers until no message, scheduled request or stalled call is left.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            CollectFinished();
            StartDueRequests();
            if (Clock.Now > _options.MaxTicks)
            {
                throw new InvalidOperationException($"The pipeline did not go quiet within {_options.MaxTicks} ticks.");
            }

            // A stalled delivery holds no slot: Lambda scales out around a slow invocation.
            if (_inFlight.Count - Clock.WaiterCount < _options.MaxInFlight && _transport.TryReceive(out var queue, out var batch))
            {
                _batches++;
                _largestBatch = Math.Max(_largestBatch, batch.Count);
                Clock.AdvanceTo(Clock.Now + 1);
                _inFlight.Add(_transport.DeliverAsync(queue, batch));
                continue;
            }

            if (_inFlight.Count > Clock.WaiterCount)
            {
                // Something is doing real I/O; poll, because a running delivery may stall instead of finishing.
                await Task.WhenAny(Task.WhenAny(_inFlight), Task.Delay(2, cancellationToken)).ConfigureAwait(false);
                continue;
            }

            var next = NextEventTick();
            if (next is null)
            {
                if (_inFlight.Count == 0)
                {
                    return;
                }

                throw new InvalidOperationException("Deliveries are waiting on the clock but nothing is due to wake them.");
            }

            Clock.AdvanceTo(Math.Max(next.Value, Clock.Now + 1));
        }
    }

    /// <summary>
    /// The operator's answer to a dead-letter alarm: moves every dead letter back to its stage queue with a fresh receive
    /// count (SQS's dead-letter redrive). Returns how many moved.
    /// </summary>
    public int RedriveDeadLetters()
    {
        var moved = _transport.RedriveDeadLetters();
        lock (_gate)
        {
            _redriveRound++;
            _redriven += moved;
        }

        return moved;
    }

    /// <summary>What happened so far.</summary>
    public DispatchReport Report()
    {
        var routed = _transport.RoutedChanges;
        lock (_gate)
        {
            return new DispatchReport(
                _transport.Queues.Select(q =>
                {
                    var t = q.Traffic;
                    return new StageStats(q.Name, routed.GetValueOrDefault(q.Name), (int)t.Sent, (int)t.Receives, (int)t.Failures, (int)t.Deleted, (int)t.DeadLettered);
                }).ToList(),
                new SortedDictionary<string, int>(_causes, StringComparer.Ordinal),
                _deadLetters.ToList(),
                _redriven,
                _transport.DeadLetters.Count,
                _unexpected.ToList(),
                _batches,
                _largestBatch,
                _transport.UnroutedChanges,
                Clock.Now);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _transport.Dispose();

    private static string OrderIdOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, AwsEventJsonContext.Default.OrderEventEnvelope)?.OrderId ?? "?";
        }
        catch (JsonException)
        {
            return "?";
        }
    }

    // The transport settles each failed receive; the report counts it by the kind of its cause.
    private void OnFailed(FailedReceive failed)
    {
        var failure = failed.Reported is { } reported ? FailureText.Describe(reported) : $"unexpected invocation: {failed.Cause}";
        var orderId = failed.Reported?.OrderId ?? OrderIdOf(failed.Body);
        var kind = failure.Split(':', 2)[0];
        lock (_gate)
        {
            _causes[kind] = _causes.GetValueOrDefault(kind) + 1;
            if (kind.StartsWith("unexpected", StringComparison.Ordinal) && _unexpected.Count < 20)
            {
                _unexpected.Add($"{failed.Stage} {orderId}: {failure}");
            }

            if (failed.DeadLettered)
            {
                _deadLetters.Add(new DeadLetterRow(failed.Stage, orderId, failed.MessageId, failed.ReceiveCount, failure, _redriveRound));
            }
        }
    }

    private void CollectFinished()
    {
        for (var i = _inFlight.Count - 1; i >= 0; i--)
        {
            var task = _inFlight[i];
            if (!task.IsCompleted)
            {
                continue;
            }

            _inFlight.RemoveAt(i);

            // Deliveries never throw; a client request that throws is a defect of the run itself and stops it.
            task.GetAwaiter().GetResult();
        }
    }

    private void StartDueRequests()
    {
        while (true)
        {
            Func<Task>? action;
            lock (_gate)
            {
                if (!_scheduled.TryPeek(out action, out var due) || due.Due > Clock.Now)
                {
                    return;
                }

                _scheduled.Dequeue();
            }

            _inFlight.Add(action());
        }
    }

    private long? NextEventTick()
    {
        long? next = Clock.NextWake;
        lock (_gate)
        {
            if (_scheduled.TryPeek(out _, out var due))
            {
                next = next is null ? due.Due : Math.Min(next.Value, due.Due);
            }
        }

        if (_transport.NextVisibleAt is { } visible)
        {
            var tick = LogicalClock.TickAt(visible);
            next = next is null ? tick : Math.Min(next.Value, tick);
        }

        return next;
    }

    // The fault decorators tell the stage calling a port by the caller scope, set here around each invocation.
    private sealed class CallerScopedHandler(IFunctionHandler inner) : IFunctionHandler
    {
        public string Name => inner.Name;

        public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) =>
            CallerScope.RunAsync(inner.Name, () => inner.InvokeAsync(input, cancellationToken));
    }
}
