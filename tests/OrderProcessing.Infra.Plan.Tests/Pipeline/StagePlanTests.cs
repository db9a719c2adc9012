using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Infra.Plan.Monitoring;
using OrderProcessing.Infra.Plan.Pipeline;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Pipeline;

public sealed class StagePlanTests
{
    private static readonly DeploymentPlan Plan = ValidSettings.Plan();

    private static IEnumerable<TestCaseData> Stages() =>
        SystemTopology.Stages.Select(s => new TestCaseData(s.Name).SetArgDisplayNames(s.Name));

    private static StagePlan StageOf(string name) => Plan.Stages.Single(s => s.Function.Definition.Name == name);

    [Test]
    public void EveryTopologyQueueFunction_HasExactlyOneStagePlan()
    {
        Assert.That(Plan.Stages.Select(s => s.Function.Definition), Is.EqualTo(SystemTopology.QueueFunctions));
    }

    [Test]
    public void CustomerMail_SubscribesToEveryCustomerFacingStatus_WithItsOwnDeadLetterQueue()
    {
        var mail = StageOf(SystemTopology.NotifyCustomer.Name);
        using var policy = JsonDocument.Parse(mail.FilterPolicy);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.RootElement.GetProperty("status").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "PENDING", "OUT_OF_STOCK", "PAYMENT_FAILED", "SHIPPED", "COMPLETED", "CANCELLED" }));
            Assert.That(Plan.Stages.Where(s => s != mail).Select(s => s.DeadLetterQueueName), Does.Not.Contain(mail.DeadLetterQueueName));
            Assert.That(Plan.Alarms, Does.Contain(mail.DeadLetterAlarm));
        }
    }

    [TestCaseSource(nameof(Stages))]
    public void EveryStage_HasAQueueAndADistinctDeadLetterQueue(string name)
    {
        var stage = StageOf(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stage.QueueName, Is.Not.Empty);
            Assert.That(stage.DeadLetterQueueName, Is.Not.Empty.And.Not.EqualTo(stage.QueueName));
            Assert.That(stage.MaxReceiveCount, Is.GreaterThan(0));
        }
    }

    [TestCaseSource(nameof(Stages))]
    public void EveryStage_HasAnAlarmOnItsDeadLetterQueue(string name)
    {
        var stage = StageOf(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stage.DeadLetterAlarm.Kind, Is.EqualTo(AlarmKind.DeadLetters));
            Assert.That(stage.DeadLetterAlarm.Dimensions, Is.EqualTo(new Dictionary<string, string> { ["QueueName"] = stage.DeadLetterQueueName }));
            Assert.That(stage.DeadLetterAlarm.Threshold, Is.Zero);
            Assert.That(Plan.Alarms, Does.Contain(stage.DeadLetterAlarm));
        }
    }

    [TestCaseSource(nameof(Stages))]
    public void EveryStage_SubscriptionFiltersExactlyItsStatus(string name)
    {
        var stage = StageOf(name);
        using var policy = JsonDocument.Parse(stage.FilterPolicy);

        using (Assert.EnterMultipleScope())
        {
            // The envelope's member, spelled out: the subscription filters the body the pipe's template writes.
            Assert.That(policy.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "status" }));
            Assert.That(policy.RootElement.GetProperty("status").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { stage.Statuses.Single().ToWire() }));
            Assert.That(SystemTopology.StageFor(stage.Statuses.Single()), Is.EqualTo(stage.Function.Definition), "the routing table sends that status to this stage");
        }
    }

    [Test]
    public void StageSubscriptions_DeliverTheRawEnvelopeAndFilterItsBody()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(StagePlan.SubscriptionProtocol, Is.EqualTo("sqs"));
            Assert.That(StagePlan.RawMessageDelivery, Is.True, "the SQS body is the envelope, not SNS's wrapper");
            Assert.That(StagePlan.FilterPolicyScope, Is.EqualTo("MessageBody"), "the pipe publishes no message attributes");
        }
    }

    [Test]
    public void StageFilters_UseTheWireNames()
    {
        Assert.That(StreamFilters.ForStatus(OrderStatus.PaymentFailed), Is.EqualTo("{\"status\":[\"PAYMENT_FAILED\"]}"));
    }

    [TestCaseSource(nameof(Stages))]
    public void EveryStageTrigger_IsCappedByTheTopology(string name)
    {
        var stage = StageOf(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stage.MaximumConcurrency, Is.EqualTo(stage.Function.Definition.MaximumConcurrency));
            // Lambda's bounds on ScalingConfig.MaximumConcurrency, spelled out.
            Assert.That(stage.MaximumConcurrency, Is.InRange(2, 1000));
        }
    }

    [Test]
    public void StageTriggers_TogetherLeaveTheApiItsReservedConcurrency()
    {
        var stages = Plan.Stages.Sum(s => s.MaximumConcurrency);

        // 1,000 is the default account concurrency; Lambda keeps 100 of it unreserved.
        Assert.That(stages + Plan.ApiFunction.ReservedConcurrency, Is.LessThanOrEqualTo(1000 - 100));
    }

    [Test]
    public void NoTwoStages_ListenForTheSameStatus()
    {
        Assert.That(Plan.Stages.Where(s => s.Function.Definition.Trigger.Kind == TriggerKind.StageQueue).Select(s => s.Statuses.Single()), Is.Unique);
    }

    [TestCaseSource(nameof(Stages))]
    public void EveryStageQueue_HidesMessagesLongerThanTheFunctionRuns(string name)
    {
        var stage = StageOf(name);

        using (Assert.EnterMultipleScope())
        {
            // AWS's rule for a queue that triggers a function, spelled out here rather than read from the topology.
            Assert.That(stage.VisibilityTimeoutSeconds, Is.GreaterThanOrEqualTo(6 * stage.Function.Definition.TimeoutSeconds));
            Assert.That(stage.VisibilityTimeoutSeconds, Is.EqualTo(stage.Function.Definition.QueueVisibilityTimeoutSeconds), "the value the settling period derives from");
        }
    }

    [TestCaseSource(nameof(Stages))]
    public void EveryStage_TakesBatchSizeAndReceivesFromTheTopology(string name)
    {
        var stage = StageOf(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stage.BatchSize, Is.EqualTo(stage.Function.Definition.BatchSize));
            Assert.That(stage.MaxReceiveCount, Is.EqualTo(stage.Function.Definition.MaxReceiveCount));
        }
    }

    [Test]
    public void DeadLetters_OutliveStageMessages()
    {
        Assert.That(StagePlan.DeadLetterRetentionSeconds, Is.GreaterThan(StagePlan.MessageRetentionSeconds));
    }

    [Test]
    public void RedrivePolicy_NamesTheDeadLetterQueueAndReceiveCount()
    {
        using var policy = JsonDocument.Parse(RedrivePolicy.ToJson("arn:aws:sqs:eu-west-1:123456789012:q-dlq", 5));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.RootElement.GetProperty("deadLetterTargetArn").GetString(), Is.EqualTo("arn:aws:sqs:eu-west-1:123456789012:q-dlq"));
            Assert.That(policy.RootElement.GetProperty("maxReceiveCount").GetInt32(), Is.EqualTo(5));
        }
    }
}
