using System.Security.Cryptography;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Delivery;

namespace OrderProcessing.Transport.Queues;

/// <summary>
/// One stage's queue with SQS semantics: a receive hands out up to a batch of visible messages and counts the receive;
/// a processed message is deleted; a failed one becomes visible again after the delivery policy's retry delay, until its
/// receive count reaches the stage's <see cref="FunctionDefinition.MaxReceiveCount"/> and it moves to the dead-letter list
/// with its causes. Nothing is ever dropped. Which visible messages a receive hands out is the policy's choice too.
/// Thread-safe; time comes from the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class StageQueue
{
    private readonly IDeliveryPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<Entry> _waiting = [];
    private readonly Dictionary<string, Entry> _inFlight = new(StringComparer.Ordinal);
    private readonly List<(DeadLetter Letter, Entry Entry)> _dead = [];
    private TaskCompletionSource _changed = NewSignal();
    private long _sent;
    private long _delivered;
    private long _receives;
    private long _failures;
    private long _deadLettered;
    private bool _paused;

    /// <summary>Creates the queue of <paramref name="stage"/>.</summary>
    public StageQueue(FunctionDefinition stage, IDeliveryPolicy policy, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(stage);
        if (!stage.Trigger.IsQueue || stage.MaxReceiveCount < 1 || stage.BatchSize < 1)
        {
            throw new ArgumentException($"Function '{stage.Name}' is not fed by a queue with a batch size and a receive limit.", nameof(stage));
        }

        Stage = stage;
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The stage this queue feeds.</summary>
    public FunctionDefinition Stage { get; }

    /// <summary>The stage's name.</summary>
    public string Name => Stage.Name;

    /// <summary>Messages moved to the dead-letter list, oldest first.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters
    {
        get
        {
            lock (_gate)
            {
                return _dead.Select(d => d.Letter).ToList();
            }
        }
    }

    /// <summary>The current counts.</summary>
    public QueueCounts Counts
    {
        get
        {
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                var visible = _waiting.Count(e => e.VisibleAt <= now);
                return new QueueCounts(Name, visible, _waiting.Count - visible, _inFlight.Count, _dead.Count, _delivered, _paused);
            }
        }
    }

    /// <summary>What the queue has carried since it was created, dead letters redriven included.</summary>
    public QueueTraffic Traffic
    {
        get
        {
            lock (_gate)
            {
                return new QueueTraffic(Name, _sent, _receives, _failures, _delivered, _deadLettered);
            }
        }
    }

    /// <summary>When the next waiting message becomes visible, or null when none waits (or the queue is paused).</summary>
    public DateTimeOffset? NextVisibleAt
    {
        get
        {
            lock (_gate)
            {
                return _paused || _waiting.Count == 0 ? null : _waiting.Min(e => e.VisibleAt);
            }
        }
    }

    /// <summary>True while receives hand out nothing.</summary>
    public bool IsPaused
    {
        get
        {
            lock (_gate)
            {
                return _paused;
            }
        }
    }

    /// <summary>
    /// Stops handing out messages, as disabling the stage's event source mapping does: they wait in the queue (a batch
    /// already in flight still finishes).
    /// </summary>
    public void Pause()
    {
        lock (_gate)
        {
            _paused = true;
        }
    }

    /// <summary>Hands out messages again.</summary>
    public void Resume()
    {
        lock (_gate)
        {
            _paused = false;
            SignalLocked();
        }
    }

    /// <summary>Enqueues a message, visible after <paramref name="delay"/> (at once by default); returns its id.</summary>
    public string Send(string body, TimeSpan delay = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var entry = new Entry(Guid.NewGuid().ToString(), body, now, ++_sent) { VisibleAt = now + delay };
            _waiting.Add(entry);
            SignalLocked();
            return entry.MessageId;
        }
    }

    /// <summary>
    /// Receives up to <see cref="FunctionDefinition.BatchSize"/> visible messages, those the delivery policy chooses (the
    /// oldest first in order), counting the receive. They stay in flight until <see cref="Delete"/> or
    /// <see cref="Fail"/>. Nothing while paused.
    /// </summary>
    public IReadOnlyList<ReceivedMessage> Receive()
    {
        lock (_gate)
        {
            if (_paused)
            {
                return [];
            }

            var now = _clock.GetUtcNow();
            var visible = _waiting
                .Where(e => e.VisibleAt <= now)
                .OrderBy(e => e.VisibleAt)
                .ThenBy(e => e.Sequence)
                .ToList();
            if (visible.Count == 0)
            {
                return [];
            }

            var batch = _policy.ChooseBatch(visible.Count, Stage.BatchSize).Select(i => visible[i]).ToList();
            var received = new List<ReceivedMessage>(batch.Count);
            foreach (var entry in batch)
            {
                _waiting.Remove(entry);
                entry.ReceiveCount++;
                _receives++;
                entry.FirstReceivedAt ??= now;
                _inFlight.Add(entry.MessageId, entry);
                received.Add(new ReceivedMessage(entry.MessageId, NewReceiptHandle(), entry.Body, entry.ReceiveCount, entry.SentAt, entry.FirstReceivedAt.Value));
            }

            return received;
        }
    }

    /// <summary>Deletes a processed message.</summary>
    public void Delete(string messageId)
    {
        lock (_gate)
        {
            if (!_inFlight.Remove(messageId))
            {
                throw new InvalidOperationException($"Message '{messageId}' is not in flight on queue '{Name}'.");
            }

            _delivered++;
        }
    }

    /// <summary>
    /// Records a failed receive: the message becomes visible again after the delivery policy's retry delay, or, at the
    /// receive limit, moves to the dead-letter list.
    /// </summary>
    public FailureOutcome Fail(string messageId, string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        lock (_gate)
        {
            if (!_inFlight.Remove(messageId, out var entry))
            {
                throw new InvalidOperationException($"Message '{messageId}' is not in flight on queue '{Name}'.");
            }

            var now = _clock.GetUtcNow();
            _failures++;
            entry.Failures.Add($"receive {entry.ReceiveCount}: {cause}");
            if (entry.ReceiveCount >= Stage.MaxReceiveCount)
            {
                _deadLettered++;
                _dead.Add((new DeadLetter(Name, entry.MessageId, entry.Body, entry.ReceiveCount, entry.SentAt, now, cause, entry.Failures.ToList()), entry));
                return new FailureOutcome(DeadLettered: true, entry.ReceiveCount, RetryIn: null);
            }

            var delay = _policy.RetryDelay(entry.ReceiveCount);
            entry.VisibleAt = now + delay;
            _waiting.Add(entry);
            SignalLocked();
            return new FailureOutcome(DeadLettered: false, entry.ReceiveCount, delay);
        }
    }

    /// <summary>
    /// Moves every dead letter back to the queue, visible at once with a fresh receive count: SQS's dead-letter redrive, an
    /// operator's answer to a dead-letter alarm. Returns how many moved.
    /// </summary>
    public int Redrive()
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var (_, entry) in _dead)
            {
                entry.ReceiveCount = 0;
                entry.VisibleAt = now;
                _waiting.Add(entry);
            }

            var moved = _dead.Count;
            _dead.Clear();
            SignalLocked();
            return moved;
        }
    }

    /// <summary>
    /// Moves one dead letter back to the queue, as <see cref="Redrive()"/> moves them all (an operator's redrive of one
    /// message); false when no dead letter has that id (moved already, or never dead-lettered).
    /// </summary>
    public bool Redrive(string messageId)
    {
        lock (_gate)
        {
            var index = _dead.FindIndex(d => string.Equals(d.Letter.MessageId, messageId, StringComparison.Ordinal));
            if (index < 0)
            {
                return false;
            }

            var entry = _dead[index].Entry;
            _dead.RemoveAt(index);
            entry.ReceiveCount = 0;
            entry.VisibleAt = _clock.GetUtcNow();
            _waiting.Add(entry);
            SignalLocked();
            return true;
        }
    }

    /// <summary>
    /// Drops one dead letter for good (a <c>DeleteMessage</c> on the dead-letter queue, after its body was sent back to a
    /// queue by hand); false when no dead letter has that id.
    /// </summary>
    public bool DeleteDeadLetter(string messageId)
    {
        lock (_gate)
        {
            return _dead.RemoveAll(d => string.Equals(d.Letter.MessageId, messageId, StringComparison.Ordinal)) > 0;
        }
    }

    /// <summary>
    /// Completes when a message is visible and the queue is not paused (at once if so), waiting for a new message, a delayed
    /// one to become visible or a resume; throws <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> fires.
    /// </summary>
    public async Task WaitForVisibleAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Task changed;
            TimeSpan? untilNext;
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                if (_paused)
                {
                    untilNext = null;
                }
                else if (_waiting.Count > 0)
                {
                    var next = _waiting.Min(e => e.VisibleAt);
                    if (next <= now)
                    {
                        return;
                    }

                    untilNext = next - now;
                }
                else
                {
                    untilNext = null;
                }

                changed = _changed.Task;
            }

            if (untilNext is not { } wait)
            {
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            using var stopTimer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = Task.Delay(wait, _clock, stopTimer.Token);
            await Task.WhenAny(changed, timer).ConfigureAwait(false);
            await stopTimer.CancelAsync().ConfigureAwait(false);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string NewReceiptHandle() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    private void SignalLocked()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private sealed class Entry(string messageId, string body, DateTimeOffset sentAt, long sequence)
    {
        public string MessageId { get; } = messageId;

        public string Body { get; } = body;

        public DateTimeOffset SentAt { get; } = sentAt;

        public long Sequence { get; } = sequence;

        public DateTimeOffset VisibleAt { get; set; }

        public int ReceiveCount { get; set; }

        public DateTimeOffset? FirstReceivedAt { get; set; }

        public List<string> Failures { get; } = [];
    }
}
