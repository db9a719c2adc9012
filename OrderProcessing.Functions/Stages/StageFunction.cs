using System.Text.Json;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;

namespace OrderProcessing.Functions.Stages;

/// <summary>
/// The loop every stage function shares. For each SQS message of the batch it reads the order id from the order event
/// envelope (the body the order-events topic delivers raw) and runs the Core stage, which acts on the order's stored state, so redelivered and reordered
/// messages are harmless. Failed messages are answered in <c>batchItemFailures</c> so SQS redelivers them with backoff
/// and, after the receive limit, moves them to the stage's dead-letter queue: transient failures, unexpected
/// exceptions and unreadable (poison) messages alike. Nothing is dropped and every failure is logged with its cause.
/// </summary>
public abstract class StageFunction
{
    private readonly IOrderStage? _stage;
    private readonly IStageFailureObserver? _failures;

    /// <summary>The Lambda entry point's constructor: reads <paramref name="function"/>'s settings from the environment once and fails fast, naming any missing one.</summary>
    protected StageFunction(FunctionDefinition function)
        : this(function, FunctionBootstrap.FromEnvironment(function))
    {
    }

    /// <summary>Composes the function from a bootstrap made for <paramref name="function"/>.</summary>
    protected StageFunction(FunctionDefinition function, FunctionBootstrap bootstrap)
        : this(function, FunctionBootstrap.Require(bootstrap, function).Services, bootstrap.Telemetry, bootstrap.StageFailures)
    {
        Timeouts = bootstrap.Timeouts;
    }

    /// <summary>Creates the function over <paramref name="services"/>, running the Core stage that handles <paramref name="function"/>'s trigger status.</summary>
    protected StageFunction(FunctionDefinition function, SystemServices services, Telemetry telemetry, IStageFailureObserver? failures)
        : this(function, (services ?? throw new ArgumentNullException(nameof(services))).StageOf(function), telemetry, failures)
    {
    }

    /// <summary>Creates the function for <paramref name="function"/>, running <paramref name="stage"/>; <paramref name="failures"/> hears of every failed message.</summary>
    protected StageFunction(FunctionDefinition function, IOrderStage stage, Telemetry telemetry, IStageFailureObserver? failures)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(stage);
        ArgumentNullException.ThrowIfNull(telemetry);
        if (function.Trigger.Status is not { } status)
        {
            throw new ArgumentException($"'{function.Name}' is not a stage function.", nameof(function));
        }

        if (stage is OrderStage declared && declared.HandledStatus != status)
        {
            throw new ArgumentException($"'{function.Name}' is triggered by {status.ToWire()}, but its stage handles {declared.HandledStatus.ToWire()}.", nameof(stage));
        }

        Function = function;
        _stage = stage;
        _failures = failures;
        Telemetry = telemetry;
        Timeouts = InvocationTimeouts.For(function);
    }

    /// <summary>
    /// Creates a queue function that is not a pipeline stage (an event subscriber): it overrides
    /// <see cref="HandleMessageAsync"/> and shares this loop's batch handling, failure reporting and metrics.
    /// </summary>
    protected StageFunction(FunctionDefinition function, Telemetry telemetry, IStageFailureObserver? failures)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(telemetry);
        Function = function.Trigger.IsQueue ? function : throw new ArgumentException($"'{function.Name}' is not fed by a queue.", nameof(function));
        _failures = failures;
        Telemetry = telemetry;
        Timeouts = InvocationTimeouts.For(function);
    }

    /// <summary>The function's topology entry.</summary>
    public FunctionDefinition Function { get; }

    /// <summary>Logs and metrics.</summary>
    protected Telemetry Telemetry { get; }

    /// <summary>How long one invocation may wait on its stores: <see cref="InvocationTimeouts.For"/> the function, or the bootstrap's.</summary>
    protected InvocationTimeouts Timeouts { get; init; }

    /// <summary>Handles an SQS event of order event envelopes; returns <c>{"batchItemFailures": [...]}</c>.</summary>
    public Task<Stream> HandleAsync(Stream input) => ProcessAsync(input, CancellationToken.None);

    /// <summary>Handles an SQS event with the invocation's deadline (see <see cref="ProcessAsync"/>).</summary>
    public Task<Stream> HandleAsync(Stream input, CancellationToken cancellationToken) => ProcessAsync(input, cancellationToken);

    /// <summary>
    /// Processes an SQS event and returns the partial batch response. The messages share the invocation's budget
    /// (<see cref="InvocationTimeouts"/>), which ends a margin before <paramref name="cancellationToken"/>'s deadline: once
    /// it is spent, the message in progress stops at its next store call and no further message starts, and all of them
    /// are answered as batch item failures in time, so SQS redelivers exactly those (the stages' idempotence makes a
    /// half-done one harmless) instead of the whole batch after a Lambda timeout.
    /// </summary>
    protected async Task<Stream> ProcessAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var budget = Timeouts.Start(cancellationToken, Telemetry.Clock);
        var sqsEvent = await ReadEventAsync(input, cancellationToken).ConfigureAwait(false);
        var records = sqsEvent.Records ?? [];
        var failures = new List<SqsBatchItemFailure>();
        var durations = new List<double>(records.Count);
        int moved = 0, skipped = 0, failed = 0, unstarted = 0;
        var unidentifiedFailure = false;
        foreach (var message in records)
        {
            MessageOutcome outcome;
            if (budget.IsSpent)
            {
                unstarted++;
                Report(message?.MessageId, null, StageFailureKind.Transient, "Not started: the invocation's store budget was spent; the message will be retried.", null);
                outcome = MessageOutcome.Failed;
            }
            else
            {
                var started = Telemetry.Clock.GetTimestamp();
                outcome = await ProcessMessageAsync(message, budget.Token).ConfigureAwait(false);
                durations.Add(Telemetry.Clock.GetElapsedTime(started).TotalMilliseconds);
            }

            switch (outcome)
            {
                case MessageOutcome.Moved:
                    moved++;
                    break;
                case MessageOutcome.Skipped:
                    skipped++;
                    break;
                default:
                    failed++;
                    if (string.IsNullOrEmpty(message?.MessageId))
                    {
                        unidentifiedFailure = true;
                    }
                    else
                    {
                        failures.Add(new SqsBatchItemFailure { ItemIdentifier = message.MessageId });
                    }

                    break;
            }
        }

        if (unstarted > 0)
        {
            Telemetry.Log(LogLevel.Warn, $"{unstarted} message(s) not started: the invocation's store budget ({Timeouts.Budget.TotalSeconds:0.#} s) was spent; they are returned for redelivery.", fields: new Dictionary<string, object?> { ["stage"] = Function.Name });
        }

        Telemetry.Metrics(
            new Dictionary<string, string> { ["Stage"] = Function.Name },
            [Metric.Count("Moved", moved), Metric.Count("Skipped", skipped), Metric.Count("Failed", failed), new Metric("StageDuration", MetricUnit.Milliseconds, durations.Count > 0 ? durations : [0])],
            new Dictionary<string, object?> { ["batchSize"] = records.Count });

        if (unidentifiedFailure)
        {
            // A failed message without an id cannot be named in a partial response; failing the invocation returns the
            // whole batch to the queue rather than deleting a message that was not processed.
            throw new InvalidOperationException("A message without a messageId failed; the whole batch is returned to the queue.");
        }

        return InvocationStreams.Write(new SqsBatchResponse { BatchItemFailures = failures }, AwsEventJsonContext.Default.SqsBatchResponse);
    }

    private async Task<SqsEvent> ReadEventAsync(Stream input, CancellationToken cancellationToken)
    {
        try
        {
            var sqsEvent = await InvocationStreams.ReadAsync(input, AwsEventJsonContext.Default.SqsEvent, cancellationToken).ConfigureAwait(false);
            if (sqsEvent?.Records is not null)
            {
                return sqsEvent;
            }
        }
        catch (JsonException e)
        {
            Telemetry.Log(LogLevel.Error, "The invocation event is not an SQS event; failing the invocation so the batch is retried.", exception: e);
            throw;
        }

        Telemetry.Log(LogLevel.Error, "The invocation event has no Records; failing the invocation so the batch is retried.");
        throw new InvalidDataException("The invocation event is not an SQS event: it has no Records.");
    }

    private async Task<MessageOutcome> ProcessMessageAsync(SqsMessage? message, CancellationToken budget)
    {
        var messageId = message?.MessageId;
        var receiveCount = message?.ApproximateReceiveCount;
        var context = new Dictionary<string, object?>
        {
            ["stage"] = Function.Name,
            ["receiveCount"] = receiveCount,
            ["lastAttempt"] = receiveCount >= Function.MaxReceiveCount,
        };

        if (!StageMessageParser.TryParse(message?.Body, out var parsed, out var problem))
        {
            context["outcome"] = "failed";
            context["cause"] = "poison";
            Telemetry.Log(LogLevel.Error, $"Unreadable message reported as failed so it reaches the dead-letter queue: {problem}.", messageId, fields: context);
            Report(messageId, null, StageFailureKind.Poison, $"Unreadable message: {problem}.", null);
            return MessageOutcome.Failed;
        }

        context["eventType"] = parsed.EventType;
        context["messageStatus"] = parsed.Status;
        context["messageVersion"] = parsed.Version;
        if (!Function.Trigger.Statuses.Any(s => s.ToWire() == parsed.Status))
        {
            // A mis-routed message is harmless (the stage acts on the stored order) but points at a wrong subscription filter.
            Telemetry.Log(LogLevel.Warn, $"The message's status {parsed.Status} is not this stage's {string.Join("|", Function.Trigger.Statuses.Select(s => s.ToWire()))}; acting on the stored order.", messageId, parsed.OrderId, context);
        }

        try
        {
            var outcome = await HandleMessageAsync(parsed.OrderId, parsed.Status, parsed.Version, budget).ConfigureAwait(false);
            context["outcome"] = outcome.Advanced ? "moved" : "skipped";
            context["newStatus"] = outcome.NewStatus?.ToWire();
            context["detail"] = outcome.Detail;
            Telemetry.Log(LogLevel.Info, outcome.Advanced ? ActedMessage(outcome) : "Order left as it is.", messageId, parsed.OrderId, context);
            return outcome.Advanced ? MessageOutcome.Moved : MessageOutcome.Skipped;
        }
        catch (TransientFailureException e)
        {
            context["outcome"] = "failed";
            context["cause"] = "transient";
            Telemetry.Log(LogLevel.Warn, "Transient failure; the message will be retried.", messageId, parsed.OrderId, context, e);
            Report(messageId, parsed.OrderId, StageFailureKind.Transient, "Transient failure; the message will be retried.", e);
            return MessageOutcome.Failed;
        }
        catch (OperationCanceledException e) when (budget.IsCancellationRequested)
        {
            // A store that did not answer within the budget: the message goes back to the queue while there is still
            // time to say so, and the stage's idempotence makes whatever part of it was written harmless on redelivery.
            context["outcome"] = "failed";
            context["cause"] = "timeout";
            Telemetry.Log(LogLevel.Warn, "A store did not answer within the invocation's budget; the message will be retried.", messageId, parsed.OrderId, context, e);
            Report(messageId, parsed.OrderId, StageFailureKind.Transient, "A store did not answer within the invocation's budget; the message will be retried.", e);
            return MessageOutcome.Failed;
        }
        catch (Exception e)
        {
            // Reported, not rethrown: the rest of the batch still counts, and this message is retried, then dead-lettered.
            context["outcome"] = "failed";
            context["cause"] = "unexpected";
            Telemetry.Log(LogLevel.Error, "Unexpected failure; the message will be retried and dead-lettered if it keeps failing.", messageId, parsed.OrderId, context, e);
            Report(messageId, parsed.OrderId, StageFailureKind.Unexpected, "Unexpected failure; the message will be retried and dead-lettered if it keeps failing.", e);
            return MessageOutcome.Failed;
        }
    }

    /// <summary>
    /// Handles one readable message about <paramref name="orderId"/> (the envelope's <paramref name="status"/> and
    /// <paramref name="version"/> as sent); throws on failures that should be retried. A stage runs its Core stage on the
    /// stored order; an event subscriber overrides this. Every store call takes <paramref name="cancellationToken"/>, the
    /// invocation's budget.
    /// </summary>
    protected virtual Task<StageOutcome> HandleMessageAsync(string orderId, string status, string version, CancellationToken cancellationToken) =>
        (_stage ?? throw new InvalidOperationException($"'{Function.Name}' has no Core stage and does not handle messages itself.")).HandleAsync(orderId, cancellationToken);

    /// <summary>The log line of a message the function acted on.</summary>
    protected virtual string ActedMessage(StageOutcome outcome) => $"Order moved to {outcome.NewStatus!.Value.ToWire()}.";

    private void Report(string? messageId, string? orderId, StageFailureKind kind, string text, Exception? exception)
    {
        if (_failures is not null && !string.IsNullOrEmpty(messageId))
        {
            // The cause ends up in the host's log and dead-letter list: masked exactly as the function's own log line is.
            var cause = exception is null ? text : $"{text} ({exception.GetType().FullName}: {exception.Message})";
            _failures.MessageFailed(new StageFailure(Function.Name, messageId, orderId, kind, LogScrubber.Scrub(cause)));
        }
    }

    private enum MessageOutcome
    {
        Moved,
        Skipped,
        Failed,
    }
}
