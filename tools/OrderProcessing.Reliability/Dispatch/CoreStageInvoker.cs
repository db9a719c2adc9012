using OrderProcessing.Core.Pipeline;
using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Dispatch;

/// <summary>
/// Runs Core's stage use cases directly, one message of a batch after another, reporting each failure separately (a
/// partial batch response). Bound to the topology's stage names; a stage of the topology without an implementation
/// fails at construction, not halfway through a run.
/// </summary>
internal sealed class CoreStageInvoker : IStageInvoker
{
    private readonly IReadOnlyDictionary<string, IOrderStage> _stages;

    /// <summary>Creates the invoker; <paramref name="stages"/> must cover exactly the topology's stage functions.</summary>
    public CoreStageInvoker(IReadOnlyDictionary<string, IOrderStage> stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        var expected = SystemTopology.Stages.Select(s => s.Name).Order(StringComparer.Ordinal);
        var given = stages.Keys.Order(StringComparer.Ordinal);
        if (!expected.SequenceEqual(given))
        {
            throw new ArgumentException($"Stage implementations ({string.Join(", ", given)}) do not match the topology's stages ({string.Join(", ", expected)}).", nameof(stages));
        }

        _stages = stages;
    }

    /// <summary>The stage bound to the topology's function <paramref name="functionName"/>.</summary>
    public IOrderStage StageOf(string functionName) => _stages[functionName];

    public async Task<IReadOnlyList<MessageResult>> InvokeAsync(FunctionDefinition function, IReadOnlyList<StageMessage> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(batch);
        var stage = _stages[function.Name];
        var results = new List<MessageResult>(batch.Count);
        foreach (var message in batch)
        {
            try
            {
                await stage.HandleAsync(message.Change.OrderId, cancellationToken).ConfigureAwait(false);
                results.Add(new MessageResult(message.MessageId, null));
            }
#pragma warning disable CA1031 // Each message fails on its own, whatever the exception: a partial batch response.
            catch (Exception e)
#pragma warning restore CA1031
            {
                results.Add(new MessageResult(message.MessageId, FailureText.Describe(e)));
            }
        }

        return results;
    }
}
