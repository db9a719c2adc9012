using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Naming;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Local.Sqs;

/// <summary>
/// The in-process stage queues and their dead-letter lists seen as SQS queues, named by the topology's
/// <see cref="ResourceNames"/> for stack <see cref="ResourceNames.LocalStack"/>, answering the actions the operator tool
/// uses: <c>GetQueueUrl</c>, <c>GetQueueAttributes</c>, <c>ReceiveMessage</c> / <c>ChangeMessageVisibility</c> /
/// <c>DeleteMessage</c> on a dead-letter queue, <c>SendMessage</c> to a stage queue, and <c>StartMessageMoveTask</c> /
/// <c>ListMessageMoveTasks</c> from a dead-letter queue back to its stage queue. Stage queues are not received from here:
/// the dispatcher is their only consumer, as the event source mapping is in AWS. Thread-safe.
/// </summary>
public sealed class LocalSqsService
{
    /// <summary>The account id in local queue URLs and ARNs.</summary>
    public const string AccountId = "000000000000";

    /// <summary>The visibility timeout of a dead-letter receive that names none, SQS's default of 30 s.</summary>
    public static readonly TimeSpan DefaultVisibility = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<QueuePair> _pairs;
    private readonly string _region;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<SqsMoveTask> _tasks = [];

    /// <summary>Serves the queues of <paramref name="dispatcher"/>, in <paramref name="region"/>.</summary>
    public LocalSqsService(StageDispatcher dispatcher, string region, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        _region = region ?? throw new ArgumentNullException(nameof(region));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        var names = new ResourceNames(ResourceNames.LocalStack, region);
        _pairs = dispatcher.Queues.Select(q => new QueuePair(q, names.Queue(q.Stage), names.DeadLetterQueue(q.Stage))).ToList();
    }

    /// <summary>Runs <paramref name="action"/> (the part of <c>X-Amz-Target</c> after <c>AmazonSQS.</c>); throws <see cref="SqsFault"/>.</summary>
    /// <param name="action">The action.</param>
    /// <param name="request">The request body.</param>
    /// <param name="endpoint">The URL this service is reached at; queue URLs are under it.</param>
    public JsonObject Handle(string action, JsonObject request, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(endpoint);
        return action switch
        {
            "GetQueueUrl" => GetQueueUrl(request, endpoint),
            "ListQueues" => ListQueues(endpoint),
            "GetQueueAttributes" => GetQueueAttributes(request),
            "ReceiveMessage" => ReceiveMessage(request),
            "ChangeMessageVisibility" => ChangeMessageVisibility(request),
            "DeleteMessage" => DeleteMessage(request),
            "SendMessage" => SendMessage(request),
            "StartMessageMoveTask" => StartMessageMoveTask(request),
            "ListMessageMoveTasks" => ListMessageMoveTasks(request),
            _ => throw new SqsFault("InvalidAction", "InvalidAction", $"The local SQS subset does not serve {action}."),
        };
    }

    private static string Required(JsonObject request, string name) =>
        request[name]?.GetValue<string>() is { Length: > 0 } value ? value : throw SqsFault.InvalidParameter($"{name} is required.");

    private static int? OptionalInt(JsonObject request, string name) => request[name]?.GetValue<int>();

    private static string NewHandle() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    private static string Millis(DateTimeOffset at) => at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private static Uri QueueUrl(Uri endpoint, string name) => new($"{endpoint.ToString().TrimEnd('/')}/{AccountId}/{name}");

    private string Arn(string name) => $"arn:aws:sqs:{_region}:{AccountId}:{name}";

    // A queue URL's last segment is its name, whatever host it names (as SQS, which routes by account and name).
    private (QueuePair Pair, bool DeadLetters) ByUrl(string url) => ByName(url.TrimEnd('/').Split('/')[^1]) ?? throw SqsFault.NoSuchQueue(url);

    private (QueuePair Pair, bool DeadLetters) ByArn(string arn) =>
        arn.Split(':') is [.., var account, var name] && account == AccountId && ByName(name) is { } found ? found : throw SqsFault.NoSuchQueue(arn);

    private (QueuePair Pair, bool DeadLetters)? ByName(string name)
    {
        foreach (var pair in _pairs)
        {
            if (pair.QueueName == name)
            {
                return (pair, false);
            }

            if (pair.DeadLetterName == name)
            {
                return (pair, true);
            }
        }

        return null;
    }

    private (QueuePair Pair, bool DeadLetters) DeadLetterQueue(JsonObject request)
    {
        var url = Required(request, "QueueUrl");
        var found = ByUrl(url);
        return found.DeadLetters ? found : throw SqsFault.Unsupported($"{url} is a stage queue: the local stage dispatcher is its only consumer.");
    }

    private JsonObject GetQueueUrl(JsonObject request, Uri endpoint)
    {
        var name = Required(request, "QueueName");
        return ByName(name) is null ? throw SqsFault.NoSuchQueue(name) : new JsonObject { ["QueueUrl"] = QueueUrl(endpoint, name).ToString() };
    }

    private JsonObject ListQueues(Uri endpoint) => new()
    {
        ["QueueUrls"] = new JsonArray(_pairs.SelectMany(p => new[] { p.QueueName, p.DeadLetterName }).Select(n => (JsonNode)QueueUrl(endpoint, n).ToString()).ToArray()),
    };

    private JsonObject GetQueueAttributes(JsonObject request)
    {
        var (pair, deadLetters) = ByUrl(Required(request, "QueueUrl"));
        var counts = pair.Queue.Counts;
        var attributes = new JsonObject
        {
            ["QueueArn"] = Arn(deadLetters ? pair.DeadLetterName : pair.QueueName),
            ["ApproximateNumberOfMessages"] = (deadLetters ? counts.DeadLetters : counts.Visible).ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesNotVisible"] = (deadLetters ? 0 : counts.InFlight).ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesDelayed"] = (deadLetters ? 0 : counts.Delayed).ToString(CultureInfo.InvariantCulture),
        };
        if (!deadLetters)
        {
            attributes["RedrivePolicy"] = $"{{\"deadLetterTargetArn\":\"{Arn(pair.DeadLetterName)}\",\"maxReceiveCount\":{pair.Queue.Stage.MaxReceiveCount}}}";
        }

        return new JsonObject { ["Attributes"] = attributes };
    }

    private JsonObject ReceiveMessage(JsonObject request)
    {
        var (pair, _) = DeadLetterQueue(request);
        var max = OptionalInt(request, "MaxNumberOfMessages") ?? 1;
        if (max is < 1 or > 10)
        {
            throw SqsFault.InvalidParameter("MaxNumberOfMessages must be between 1 and 10.");
        }

        var visibility = OptionalInt(request, "VisibilityTimeout") is { } seconds ? TimeSpan.FromSeconds(seconds) : DefaultVisibility;
        var withAttributes = request["MessageAttributeNames"] is JsonArray { Count: > 0 };
        var messages = new JsonArray();
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var letter in pair.Queue.DeadLetters.Where(l => pair.VisibleAt(l.MessageId) <= now).Take(max))
            {
                var handle = NewHandle();
                var state = pair.Receive(letter.MessageId, handle, now + visibility, now);
                var message = new JsonObject
                {
                    ["MessageId"] = letter.MessageId,
                    ["ReceiptHandle"] = handle,
                    ["Body"] = letter.Body,
                    ["MD5OfBody"] = SqsChecksums.OfBody(letter.Body),
                    ["Attributes"] = new JsonObject
                    {
                        // SQS keeps counting receives on the dead-letter queue: the stage's receives plus these.
                        ["ApproximateReceiveCount"] = (letter.ReceiveCount + state.Receives).ToString(CultureInfo.InvariantCulture),
                        ["SentTimestamp"] = Millis(letter.SentAt),
                        ["ApproximateFirstReceiveTimestamp"] = Millis(state.FirstReceivedAt),
                        ["DeadLetterQueueSourceArn"] = Arn(pair.QueueName),
                    },
                };
                if (withAttributes)
                {
                    var attributes = FailureAttributes(letter);
                    message["MessageAttributes"] = new JsonObject(attributes.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)new JsonObject { ["DataType"] = "String", ["StringValue"] = a.Value })));
                    message["MD5OfMessageAttributes"] = SqsChecksums.OfStringAttributes(attributes);
                }

                messages.Add(message);
            }
        }

        return new JsonObject { ["Messages"] = messages };
    }

    // What AWS only has in the stage's logs, the local dead-letter list keeps with the message: why it failed.
    private static Dictionary<string, string> FailureAttributes(DeadLetter letter) => new(StringComparer.Ordinal)
    {
        [DeadLetterAttributes.FirstFailureCause] = letter.Failures.Count > 0 ? letter.Failures[0] : letter.Cause,
        [DeadLetterAttributes.LastFailureCause] = letter.Failures.Count > 0 ? letter.Failures[^1] : letter.Cause,
        [DeadLetterAttributes.DeadLetteredAt] = letter.DeadLetteredAt.ToString("O", CultureInfo.InvariantCulture),
    };

    private JsonObject ChangeMessageVisibility(JsonObject request)
    {
        var (pair, _) = DeadLetterQueue(request);
        var handle = Required(request, "ReceiptHandle");
        var seconds = OptionalInt(request, "VisibilityTimeout") ?? throw SqsFault.InvalidParameter("VisibilityTimeout is required.");
        lock (_gate)
        {
            if (!pair.ChangeVisibility(handle, _clock.GetUtcNow() + TimeSpan.FromSeconds(seconds)))
            {
                throw SqsFault.InvalidReceipt(handle);
            }
        }

        return [];
    }

    private JsonObject DeleteMessage(JsonObject request)
    {
        var (pair, _) = DeadLetterQueue(request);
        var handle = Required(request, "ReceiptHandle");
        lock (_gate)
        {
            if (pair.MessageOf(handle) is not { } messageId || !pair.Queue.DeleteDeadLetter(messageId))
            {
                throw SqsFault.InvalidReceipt(handle);
            }

            pair.Forget(messageId);
        }

        return [];
    }

    private JsonObject SendMessage(JsonObject request)
    {
        var url = Required(request, "QueueUrl");
        var (pair, deadLetters) = ByUrl(url);
        if (deadLetters)
        {
            throw SqsFault.Unsupported($"{url} is a dead-letter queue: only its stage queue moves messages into it.");
        }

        var body = Required(request, "MessageBody");
        var messageId = pair.Queue.Send(body);
        return new JsonObject { ["MessageId"] = messageId, ["MD5OfMessageBody"] = SqsChecksums.OfBody(body) };
    }

    private JsonObject StartMessageMoveTask(JsonObject request)
    {
        var sourceArn = Required(request, "SourceArn");
        var (pair, deadLetters) = ByArn(sourceArn);
        if (!deadLetters)
        {
            throw SqsFault.InvalidParameter($"{sourceArn} is not a dead-letter queue: a move task moves messages out of one.");
        }

        var destinationArn = request["DestinationArn"]?.GetValue<string>() ?? Arn(pair.QueueName);
        if (ByArn(destinationArn) is not { DeadLetters: false } destination || destination.Pair != pair)
        {
            throw SqsFault.InvalidParameter($"{destinationArn} is not the stage queue {sourceArn} takes dead letters from; the local subset redrives only there.");
        }

        var perSecond = OptionalInt(request, "MaxNumberOfMessagesPerSecond");
        if (perSecond is < 1 or > 500)
        {
            throw SqsFault.InvalidParameter("MaxNumberOfMessagesPerSecond must be between 1 and 500.");
        }

        SqsMoveTask task;
        IReadOnlyList<string> ids;
        lock (_gate)
        {
            // SQS allows one running move task per source queue.
            if (_tasks.Any(t => t.SourceArn == sourceArn && t.Status == "RUNNING"))
            {
                throw SqsFault.Unsupported($"A message move task is already running on {sourceArn}.");
            }

            ids = pair.Queue.DeadLetters.Select(l => l.MessageId).ToList();
            task = new SqsMoveTask(NewHandle(), sourceArn, destinationArn, ids.Count, perSecond, _clock.GetUtcNow());
            _tasks.Add(task);
        }

        _ = Task.Run(() => MoveAsync(task, pair, ids));
        return new JsonObject { ["TaskHandle"] = task.Handle };
    }

    private async Task MoveAsync(SqsMoveTask task, QueuePair pair, IReadOnlyList<string> ids)
    {
        try
        {
            foreach (var id in ids)
            {
                if (task.PerSecond is { } rate)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1.0 / rate), _clock).ConfigureAwait(false);
                }

                lock (_gate)
                {
                    // A letter deleted or moved meanwhile is simply not there to move: nothing moves twice.
                    if (pair.Queue.Redrive(id))
                    {
                        pair.Forget(id);
                        task.Moved++;
                    }
                }
            }

            lock (_gate)
            {
                task.Status = "COMPLETED";
            }
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                task.Status = "FAILED";
                task.FailureReason = e.Message;
            }
        }
    }

    private JsonObject ListMessageMoveTasks(JsonObject request)
    {
        var sourceArn = Required(request, "SourceArn");
        if (ByArn(sourceArn) is not { DeadLetters: true })
        {
            throw SqsFault.InvalidParameter($"{sourceArn} is not a dead-letter queue.");
        }

        var max = OptionalInt(request, "MaxResults") ?? 1;
        var results = new JsonArray();
        lock (_gate)
        {
            foreach (var task in _tasks.Where(t => t.SourceArn == sourceArn).Reverse().Take(max))
            {
                var result = new JsonObject
                {
                    ["Status"] = task.Status,
                    ["SourceArn"] = task.SourceArn,
                    ["DestinationArn"] = task.DestinationArn,
                    ["ApproximateNumberOfMessagesMoved"] = task.Moved,
                    ["ApproximateNumberOfMessagesToMove"] = task.ToMove,
                    ["StartedTimestamp"] = task.StartedAt.ToUnixTimeMilliseconds(),
                };

                // SQS hands out the handle only while the task runs (it is what CancelMessageMoveTask takes).
                if (task.Status == "RUNNING")
                {
                    result["TaskHandle"] = task.Handle;
                }

                if (task.PerSecond is { } rate)
                {
                    result["MaxNumberOfMessagesPerSecond"] = rate;
                }

                if (task.FailureReason is { } reason)
                {
                    result["FailureReason"] = reason;
                }

                results.Add(result);
            }
        }

        return new JsonObject { ["Results"] = results };
    }

    /// <summary>A stage queue, its dead-letter list, and what receives from that list hold (guarded by the service's lock).</summary>
    private sealed class QueuePair(StageQueue queue, string queueName, string deadLetterName)
    {
        private readonly Dictionary<string, string> _receipts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ReceiveState> _states = new(StringComparer.Ordinal);

        public StageQueue Queue { get; } = queue;

        public string QueueName { get; } = queueName;

        public string DeadLetterName { get; } = deadLetterName;

        public DateTimeOffset VisibleAt(string messageId) => _states.TryGetValue(messageId, out var state) ? state.VisibleAt : DateTimeOffset.MinValue;

        public ReceiveState Receive(string messageId, string handle, DateTimeOffset visibleAt, DateTimeOffset now)
        {
            var state = _states.TryGetValue(messageId, out var known) ? known : new ReceiveState { FirstReceivedAt = now };
            state.Receives++;
            state.VisibleAt = visibleAt;
            _states[messageId] = state;
            _receipts[handle] = messageId;
            return state;
        }

        public string? MessageOf(string handle) => _receipts.GetValueOrDefault(handle);

        public bool ChangeVisibility(string handle, DateTimeOffset visibleAt)
        {
            if (MessageOf(handle) is not { } messageId || !_states.TryGetValue(messageId, out var state))
            {
                return false;
            }

            state.VisibleAt = visibleAt;
            return true;
        }

        public void Forget(string messageId)
        {
            _states.Remove(messageId);
            foreach (var handle in _receipts.Where(r => r.Value == messageId).Select(r => r.Key).ToList())
            {
                _receipts.Remove(handle);
            }
        }
    }

    private sealed class ReceiveState
    {
        public int Receives { get; set; }

        public DateTimeOffset VisibleAt { get; set; }

        public DateTimeOffset FirstReceivedAt { get; init; }
    }
}
