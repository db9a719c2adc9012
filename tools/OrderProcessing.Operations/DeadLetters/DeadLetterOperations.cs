using System.Globalization;
using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using OrderProcessing.Operations.Cli;
using OrderProcessing.Operations.Targets;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Operations.DeadLetters;

/// <summary>
/// Dead letters through the SQS API only, so the same calls run against AWS and the local host: list (receive every
/// message, then make each visible again), redrive one order (receive, send to the stage queue, delete; the rest made
/// visible again) and redrive a whole queue (<c>StartMessageMoveTask</c>, refused while one runs).
/// </summary>
/// <param name="target">The target.</param>
/// <param name="clock">Time, for ages.</param>
public sealed class DeadLetterOperations(OperationsTarget target, TimeProvider clock)
{
    /// <summary>How long a receive hides a message from others while the tool looks at it.</summary>
    public static readonly TimeSpan Hold = TimeSpan.FromSeconds(30);

    private const string MoveRunning = "RUNNING";

    private IAmazonSQS Sqs => target.Sqs;

    /// <summary>Every dead letter of <paramref name="stages"/>, oldest first.</summary>
    public async Task<IReadOnlyList<DeadLetterEntry>> ListAsync(IReadOnlyList<FunctionDefinition> stages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var rows = new List<DeadLetterEntry>();
        foreach (var stage in stages)
        {
            var queues = target.QueuesOf(stage);
            var dlq = await UrlAsync(queues.DeadLetterQueue, cancellationToken).ConfigureAwait(false);
            var messages = await ReceiveAllAsync(queues.DeadLetterQueue, dlq, cancellationToken).ConfigureAwait(false);
            try
            {
                rows.AddRange(messages.Select(m => Row(stage, m)));
            }
            finally
            {
                await ReleaseAsync(queues.DeadLetterQueue, dlq, messages).ConfigureAwait(false);
            }
        }

        return rows.OrderBy(r => r.SentAt).ToList();
    }

    /// <summary>
    /// Moves the dead letters of order <paramref name="orderId"/> on <paramref name="stage"/> back to the stage's queue:
    /// each sent, then deleted from the dead-letter queue (so a failure between the two leaves a copy, never a loss; the
    /// stage is idempotent). Refused while a move task runs on the queue; throws when the order has no dead letter there.
    /// </summary>
    public async Task<RedriveReport> RedriveOrderAsync(FunctionDefinition stage, string orderId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var queues = target.QueuesOf(stage);
        var dlq = await UrlAsync(queues.DeadLetterQueue, cancellationToken).ConfigureAwait(false);
        await RefuseWhileMovingAsync(stage, queues, dlq, cancellationToken).ConfigureAwait(false);
        var queue = await UrlAsync(queues.Queue, cancellationToken).ConfigureAwait(false);
        var messages = await ReceiveAllAsync(queues.DeadLetterQueue, dlq, cancellationToken).ConfigureAwait(false);
        var moved = new List<string>();
        var others = new List<Message>();
        try
        {
            foreach (var message in messages)
            {
                if (OrderOf(message.Body) != orderId)
                {
                    others.Add(message);
                    continue;
                }

                await AwsCalls.RunAsync("sqs:SendMessage", queues.Queue.Name, () => Sqs.SendMessageAsync(new SendMessageRequest(queue, message.Body), cancellationToken)).ConfigureAwait(false);
                await AwsCalls.RunAsync("sqs:DeleteMessage", queues.DeadLetterQueue.Name, () => Sqs.DeleteMessageAsync(new DeleteMessageRequest(dlq, message.ReceiptHandle), cancellationToken)).ConfigureAwait(false);
                moved.Add(message.MessageId);
            }
        }
        finally
        {
            await ReleaseAsync(queues.DeadLetterQueue, dlq, others).ConfigureAwait(false);
        }

        return moved.Count == 0
            ? throw new OperatorException($"Unknown order '{orderId}' on stage {stage.Name}: none of its {messages.Count} dead letter(s) is about that order; nothing moved.")
            : new RedriveReport(stage.Name, orderId, "MOVED", moved.Count, moved.Count, moved);
    }

    /// <summary>
    /// Moves every dead letter of <paramref name="stage"/> back to its queue with one SQS message move task, refused while
    /// one already runs; waits up to <paramref name="wait"/> for it to finish and reports what moved.
    /// </summary>
    public async Task<RedriveReport> RedriveAllAsync(FunctionDefinition stage, int? perSecond, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stage);
        var queues = target.QueuesOf(stage);
        var dlq = await UrlAsync(queues.DeadLetterQueue, cancellationToken).ConfigureAwait(false);
        await RefuseWhileMovingAsync(stage, queues, dlq, cancellationToken).ConfigureAwait(false);
        var sourceArn = await ArnAsync(queues.DeadLetterQueue, dlq, cancellationToken).ConfigureAwait(false);
        var destinationArn = await ArnAsync(queues.Queue, await UrlAsync(queues.Queue, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        await AwsCalls.RunAsync("sqs:StartMessageMoveTask", queues.DeadLetterQueue.Name, () => Sqs.StartMessageMoveTaskAsync(
            new StartMessageMoveTaskRequest { SourceArn = sourceArn, DestinationArn = destinationArn, MaxNumberOfMessagesPerSecond = perSecond },
            cancellationToken)).ConfigureAwait(false);

        var until = clock.GetUtcNow() + wait;
        while (true)
        {
            var latest = await LatestMoveAsync(queues, sourceArn, cancellationToken).ConfigureAwait(false);
            if (latest is null || latest.Status != MoveRunning || clock.GetUtcNow() >= until)
            {
                return new RedriveReport(
                    stage.Name,
                    null,
                    latest?.Status ?? "UNKNOWN",
                    (int)(latest?.ApproximateNumberOfMessagesMoved ?? 0),
                    (int?)latest?.ApproximateNumberOfMessagesToMove,
                    [],
                    latest?.FailureReason);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), clock, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string? OrderOf(string body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, AwsEventJsonContext.Default.OrderEventEnvelope)?.OrderId;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Attribute(Message message, string name) =>
        message.MessageAttributes is { } attributes && attributes.TryGetValue(name, out var value) ? value.StringValue : null;

    private static int ReceiveCount(Message message) =>
        message.Attributes is { } a && a.TryGetValue("ApproximateReceiveCount", out var count) && int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static DateTimeOffset SentAt(Message message) =>
        message.Attributes is { } a && a.TryGetValue("SentTimestamp", out var sent) && long.TryParse(sent, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : DateTimeOffset.MinValue;

    private DeadLetterEntry Row(FunctionDefinition stage, Message message)
    {
        var sentAt = SentAt(message);
        return new DeadLetterEntry(
            stage.Name,
            OrderOf(message.Body),
            message.MessageId,
            ReceiveCount(message),
            Attribute(message, DeadLetterAttributes.FirstFailureCause),
            Attribute(message, DeadLetterAttributes.LastFailureCause),
            sentAt,
            clock.GetUtcNow() - sentAt);
    }

    private async Task RefuseWhileMovingAsync(FunctionDefinition stage, StageQueues queues, string dlq, CancellationToken cancellationToken)
    {
        var sourceArn = await ArnAsync(queues.DeadLetterQueue, dlq, cancellationToken).ConfigureAwait(false);
        if (await LatestMoveAsync(queues, sourceArn, cancellationToken).ConfigureAwait(false) is { Status: MoveRunning } running)
        {
            throw new OperatorException(string.Create(
                CultureInfo.InvariantCulture,
                $"A redrive of stage {stage.Name}'s dead letters is already running ({running.ApproximateNumberOfMessagesMoved ?? 0} of {running.ApproximateNumberOfMessagesToMove ?? 0} moved); nothing was started: wait for it to finish."));
        }
    }

    private async Task<ListMessageMoveTasksResultEntry?> LatestMoveAsync(StageQueues queues, string sourceArn, CancellationToken cancellationToken)
    {
        var tasks = await AwsCalls.RunAsync("sqs:ListMessageMoveTasks", queues.DeadLetterQueue.Name, () => Sqs.ListMessageMoveTasksAsync(
            new ListMessageMoveTasksRequest { SourceArn = sourceArn, MaxResults = 1 },
            cancellationToken)).ConfigureAwait(false);
        return tasks.Results?.FirstOrDefault();
    }

    private async Task<string> UrlAsync(QueueAddress address, CancellationToken cancellationToken)
    {
        if (address.Url is { } url)
        {
            return url;
        }

        var response = await AwsCalls.RunAsync("sqs:GetQueueUrl", address.Name, () => Sqs.GetQueueUrlAsync(address.Name, cancellationToken)).ConfigureAwait(false);
        return response.QueueUrl;
    }

    private async Task<string> ArnAsync(QueueAddress address, string url, CancellationToken cancellationToken)
    {
        var response = await AwsCalls.RunAsync("sqs:GetQueueAttributes", address.Name, () => Sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["QueueArn"] },
            cancellationToken)).ConfigureAwait(false);
        return response.QueueARN ?? throw new OperatorException($"sqs:GetQueueAttributes on {address.Name} answered no QueueArn.");
    }

    // Receives until an empty answer; each message stays hidden for Hold, so none is handed out twice in one pass.
    private async Task<List<Message>> ReceiveAllAsync(QueueAddress address, string url, CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, Message>(StringComparer.Ordinal);
        while (true)
        {
            var response = await AwsCalls.RunAsync("sqs:ReceiveMessage", address.Name, () => Sqs.ReceiveMessageAsync(
                new ReceiveMessageRequest
                {
                    QueueUrl = url,
                    MaxNumberOfMessages = 10,
                    VisibilityTimeout = (int)Hold.TotalSeconds,
                    WaitTimeSeconds = 0,
                    MessageSystemAttributeNames = ["All"],
                    MessageAttributeNames = ["All"],
                },
                cancellationToken)).ConfigureAwait(false);
            if (response.Messages is not { Count: > 0 } messages)
            {
                return all.Values.ToList();
            }

            var fresh = 0;
            foreach (var message in messages)
            {
                fresh += all.TryAdd(message.MessageId, message) ? 1 : 0;
            }

            if (fresh == 0)
            {
                return all.Values.ToList();
            }
        }
    }

    // Makes received messages visible again at once. It runs even when the command was cancelled (so it takes no token):
    // otherwise they would stay hidden from a redrive for the rest of their visibility timeout.
    private async Task ReleaseAsync(QueueAddress address, string url, IReadOnlyList<Message> messages)
    {
        foreach (var message in messages)
        {
            await AwsCalls.RunAsync("sqs:ChangeMessageVisibility", address.Name, () => Sqs.ChangeMessageVisibilityAsync(
                new ChangeMessageVisibilityRequest(url, message.ReceiptHandle, 0),
                CancellationToken.None)).ConfigureAwait(false);
        }
    }
}
