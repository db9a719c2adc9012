using OrderProcessing.Topology;
using OrderProcessing.Reliability.Faults;
using OrderProcessing.Reliability.Feed;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// An SQS-like transport between the change feed and the stage functions, as hostile as the contract allows: each
/// change is routed by its new status through <see cref="SystemTopology.StageFor"/>, put on the queue one to three
/// times, received in random order and in random batches, and a failed message comes back after a delay until the
/// topology's receive limit sends it to a dead-letter list with its cause. Client requests scheduled on the logical
/// clock run alongside, so they race the stages.
/// </summary>
internal sealed class ChaosDispatcher
{
    private readonly IStageInvoker _invoker;
    private readonly DispatcherOptions _options;
    private readonly Random _random;
    private readonly Lock _gate = new();
    private readonly List<Queued> _queue = [];
    private readonly List<DeadLetter> _deadLetters = [];
    private readonly List<Queued> _deadLetterQueue = [];
    private readonly List<string> _unexpected = [];
    private readonly PriorityQueue<Func<Task>, (long Due, long Sequence)> _scheduled = new();
    private readonly Dictionary<string, Counters> _counters;
    private readonly Dictionary<string, int> _causes = new(StringComparer.Ordinal);
    private readonly List<Task> _inFlight = [];
    private long _messageSequence;
    private long _scheduleSequence;
    private int _batches;
    private int _largestBatch;
    private int _unrouted;
    private int _redriveRound;
    private int _redriven;

    /// <summary>Creates a dispatcher delivering to <paramref name="invoker"/>.</summary>
    public ChaosDispatcher(IStageInvoker invoker, DispatcherOptions options)
    {
        _invoker = invoker;
        _options = options;
        _random = new Random(options.Seed);
        _counters = SystemTopology.Stages.ToDictionary(s => s.Name, _ => new Counters(), StringComparer.Ordinal);
    }

    /// <summary>The logical clock; fault decorators stall on it.</summary>
    public LogicalClock Clock { get; } = new();

    /// <summary>Takes one change from the feed and queues its copies for the stage its new status routes to.</summary>
    public void OnChange(OrderChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var stage = change.NewStatus is { } status ? SystemTopology.StageFor(status) : null;
        lock (_gate)
        {
            if (stage is null)
            {
                // Terminal statuses other than CANCELLED, and removals, have no consumer: the pipe's filter drops them.
                _unrouted++;
                return;
            }

            var counters = _counters[stage.Name];
            counters.Changes++;
            var copies = _random.Next(_options.MinCopies, _options.MaxCopies + 1);
            for (var i = 0; i < copies; i++)
            {
                counters.Messages++;
                // Later copies arrive a little later, as a pipe's retry would deliver them: they land in other batches.
                var delay = i == 0 ? 0 : _random.Next(0, _options.MaxDuplicateDelayTicks + 1);
                _queue.Add(new Queued(stage, new StageMessage($"msg-{++_messageSequence:D7}", change), Clock.Now + delay));
            }
        }
    }

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
            if (_inFlight.Count - Clock.WaiterCount < _options.MaxInFlight && TryTakeBatch(out var stage, out var batch))
            {
                Clock.AdvanceTo(Clock.Now + 1);
                _inFlight.Add(DeliverAsync(stage, batch, cancellationToken));
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

    /// <summary>Messages waiting in the dead-letter queues.</summary>
    public int DeadLettersWaiting
    {
        get
        {
            lock (_gate)
            {
                return _deadLetterQueue.Count;
            }
        }
    }

    /// <summary>
    /// The operator's answer to a dead-letter alarm: moves every dead letter back to its stage queue with a fresh receive
    /// count (SQS's dead-letter redrive). Returns how many moved.
    /// </summary>
    public int RedriveDeadLetters()
    {
        lock (_gate)
        {
            _redriveRound++;
            foreach (var q in _deadLetterQueue)
            {
                q.ReceiveCount = 0;
                q.VisibleAt = Clock.Now;
                _queue.Add(q);
            }

            var moved = _deadLetterQueue.Count;
            _redriven += moved;
            _deadLetterQueue.Clear();
            return moved;
        }
    }

    /// <summary>What happened so far.</summary>
    public DispatchReport Report()
    {
        lock (_gate)
        {
            return new DispatchReport(
                SystemTopology.Stages.Select(s =>
                {
                    var c = _counters[s.Name];
                    return new StageStats(s.Name, c.Changes, c.Messages, c.Receives, c.Failures, c.Acknowledged, c.DeadLettered);
                }).ToList(),
                new SortedDictionary<string, int>(_causes, StringComparer.Ordinal),
                _deadLetters.ToList(),
                _redriven,
                _deadLetterQueue.Count,
                _unexpected.ToList(),
                _batches,
                _largestBatch,
                _unrouted,
                Clock.Now);
        }
    }

    private bool TryTakeBatch(out FunctionDefinition stage, out List<Queued> batch)
    {
        lock (_gate)
        {
            var visible = new List<int>();
            for (var i = 0; i < _queue.Count; i++)
            {
                if (_queue[i].VisibleAt <= Clock.Now)
                {
                    visible.Add(i);
                }
            }

            if (visible.Count == 0)
            {
                stage = null!;
                batch = [];
                return false;
            }

            // Random first message, then random companions from the same queue: reordering and SQS-sized batches.
            var first = _queue[visible[_random.Next(visible.Count)]];
            stage = first.Stage;
            var size = _random.Next(1, Math.Max(1, stage.BatchSize) + 1);
            var sameStage = stage;
            var candidates = visible.Select(i => _queue[i]).Where(q => q != first && q.Stage == sameStage).ToList();
            batch = [first];
            while (batch.Count < size && candidates.Count > 0)
            {
                var k = _random.Next(candidates.Count);
                batch.Add(candidates[k]);
                candidates.RemoveAt(k);
            }

            var counters = _counters[stage.Name];
            foreach (var q in batch)
            {
                _queue.Remove(q);
                q.ReceiveCount++;
                counters.Receives++;
            }

            _batches++;
            _largestBatch = Math.Max(_largestBatch, batch.Count);
            return true;
        }
    }

    private async Task DeliverAsync(FunctionDefinition stage, List<Queued> batch, CancellationToken cancellationToken)
    {
        var messages = batch.Select(q => q.Message with { ReceiveCount = q.ReceiveCount }).ToList();
        IReadOnlyList<MessageResult> results;
        try
        {
            results = await CallerScope.RunAsync(stage.Name, () => _invoker.InvokeAsync(stage, messages, cancellationToken)).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed invocation fails its whole batch, whatever the exception: that is what SQS does.
        catch (Exception e)
#pragma warning restore CA1031
        {
            results = messages.Select(m => new MessageResult(m.MessageId, FailureText.Describe(e))).ToList();
        }

        var byId = results.ToDictionary(r => r.MessageId, StringComparer.Ordinal);
        lock (_gate)
        {
            var counters = _counters[stage.Name];
            foreach (var q in batch)
            {
                // A message the handler did not report on counts as failed, as partial batch responses do.
                var failure = byId.TryGetValue(q.Message.MessageId, out var r) ? r.Failure : "no result reported for the message";
                if (failure is null)
                {
                    counters.Acknowledged++;
                    continue;
                }

                counters.Failures++;
                var kind = failure.Split(':', 2)[0];
                _causes[kind] = _causes.GetValueOrDefault(kind) + 1;
                if (kind.StartsWith("unexpected", StringComparison.Ordinal) && _unexpected.Count < 20)
                {
                    _unexpected.Add($"{stage.Name} {q.Message.Change.OrderId}: {failure}");
                }

                if (q.ReceiveCount >= stage.MaxReceiveCount)
                {
                    counters.DeadLettered++;
                    _deadLetters.Add(new DeadLetter(stage.Name, q.Message.Change.OrderId, q.Message.MessageId, q.ReceiveCount, failure, _redriveRound));
                    _deadLetterQueue.Add(q);
                }
                else
                {
                    q.VisibleAt = Clock.Now + _random.Next(1, _options.MaxRetryDelayTicks + 1);
                    _queue.Add(q);
                }
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
        lock (_gate)
        {
            long? next = Clock.NextWake;
            if (_scheduled.TryPeek(out _, out var due))
            {
                next = next is null ? due.Due : Math.Min(next.Value, due.Due);
            }

            foreach (var q in _queue)
            {
                next = next is null ? q.VisibleAt : Math.Min(next.Value, q.VisibleAt);
            }

            return next;
        }
    }

    private sealed class Queued(FunctionDefinition stage, StageMessage message, long visibleAt)
    {
        public FunctionDefinition Stage { get; } = stage;

        public StageMessage Message { get; } = message;

        public long VisibleAt { get; set; } = visibleAt;

        public int ReceiveCount { get; set; }
    }

    private sealed class Counters
    {
        public int Changes { get; set; }

        public int Messages { get; set; }

        public int Receives { get; set; }

        public int Failures { get; set; }

        public int Acknowledged { get; set; }

        public int DeadLettered { get; set; }
    }
}
