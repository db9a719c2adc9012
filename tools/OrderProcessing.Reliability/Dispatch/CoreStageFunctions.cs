using System.Text.Json;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// Core's stage use cases as stage functions without the Lambda layer: each message's order event envelope names the order,
/// the stage runs on it, and each failure is reported on its own (a partial batch response, its cause through the
/// failure hook). Bound to the topology's stage names; a stage of the topology without an implementation fails at
/// construction, not halfway through a run.
/// </summary>
internal sealed class CoreStageFunctions
{
    private readonly IReadOnlyDictionary<string, IOrderStage> _stages;
    private readonly StageFailureLog _failures;

    /// <summary>Creates the functions; <paramref name="stages"/> must cover exactly the topology's stage functions.</summary>
    public CoreStageFunctions(IReadOnlyDictionary<string, IOrderStage> stages, StageFailureLog failures)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var expected = SystemTopology.Stages.Select(s => s.Name).Order(StringComparer.Ordinal);
        var given = stages.Keys.Order(StringComparer.Ordinal);
        if (!expected.SequenceEqual(given))
        {
            throw new ArgumentException($"Stage implementations ({string.Join(", ", given)}) do not match the topology's stages ({string.Join(", ", expected)}).", nameof(stages));
        }

        _stages = stages;
        _failures = failures ?? throw new ArgumentNullException(nameof(failures));
    }

    /// <summary>The stage bound to the topology's function <paramref name="functionName"/>.</summary>
    public IOrderStage StageOf(string functionName) => _stages[functionName];

    /// <summary>The stage function of <paramref name="function"/>.</summary>
    public IFunctionHandler HandlerFor(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var stage = _stages[function.Name];
        return new SqsFunctionHandler(function.Name, (sqsEvent, cancellationToken) => HandleAsync(function.Name, stage, sqsEvent, cancellationToken));
    }

    private async Task<SqsBatchResponse> HandleAsync(string name, IOrderStage stage, SqsEvent sqsEvent, CancellationToken cancellationToken)
    {
        var failures = new List<SqsBatchItemFailure>();
        foreach (var message in sqsEvent.Records ?? [])
        {
            var messageId = message?.MessageId ?? "";
            var envelope = JsonSerializer.Deserialize(message?.Body ?? "null", AwsEventJsonContext.Default.OrderEventEnvelope);
            var orderId = envelope?.OrderId ?? "";
            try
            {
                await stage.HandleAsync(orderId, cancellationToken).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Each message fails on its own, whatever the exception: a partial batch response.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _failures.MessageFailed(FailureText.Report(name, messageId, orderId, e));
                failures.Add(new SqsBatchItemFailure { ItemIdentifier = messageId });
            }
        }

        return new SqsBatchResponse { BatchItemFailures = failures };
    }
}
