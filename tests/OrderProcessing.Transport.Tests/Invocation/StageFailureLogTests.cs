using OrderProcessing.Functions.Stages;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Transport.Tests.Invocation;

/// <summary>Why a stage failed a message, as it reported through its failure hook, kept until the transport settles that message.</summary>
public sealed class StageFailureLogTests
{
    [Test]
    public void Take_ReportedFailure_IsThatMessagesCauseOnce()
    {
        var log = new StageFailureLog();
        var failure = new StageFailure("charge-payment", "m-1", "o-1", StageFailureKind.Transient, "Transient failure; the message will be retried. (OrderProcessing.Core.Common.TransientFailureException: gateway timeout)");

        log.MessageFailed(failure);

        Assert.That(log.Take("charge-payment", "m-1"), Is.EqualTo(failure));
        Assert.That(log.Take("charge-payment", "m-1"), Is.Null);
    }

    [Test]
    public void Take_Failure_BelongsToItsStageAndMessageOnly()
    {
        var log = new StageFailureLog();

        log.MessageFailed(new StageFailure("ship-order", "m-1", null, StageFailureKind.Poison, "Unreadable message: the message body is empty."));

        Assert.That(log.Take("ship-order", "m-2"), Is.Null);
        Assert.That(log.Take("compensate", "m-1"), Is.Null);
        Assert.That(log.Take("ship-order", "m-1")!.Kind, Is.EqualTo(StageFailureKind.Poison));
    }

    [Test]
    public void MessageFailed_NobodySettles_KeepsOnlyTheNewestFailures()
    {
        var log = new StageFailureLog();

        for (var i = 0; i <= StageFailureLog.MaxKept; i++)
        {
            log.MessageFailed(new StageFailure("compensate", $"m-{i}", null, StageFailureKind.Unexpected, "boom"));
        }

        Assert.That(log.Take("compensate", "m-0"), Is.Null);
        Assert.That(log.Take("compensate", $"m-{StageFailureLog.MaxKept}"), Is.Not.Null);
    }
}
