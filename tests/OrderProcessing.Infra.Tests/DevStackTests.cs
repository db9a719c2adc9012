using OrderProcessing.Infra.Tests.Support;

namespace OrderProcessing.Infra.Tests;

/// <summary>The policies, run on the dev stack, and what only dev promises.</summary>
[TestFixture]
[NonParallelizable]
public sealed class DevStackTests() : BlindSpotPolicies("dev")
{
    [Test]
    public void Dev_CanBeTornDownCompletely()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run.OfType("aws:dynamodb/table:Table").Select(t => t.Bool("deletionProtectionEnabled")), Has.All.False);
            Assert.That(Run.OfType("aws:s3/bucket:Bucket").Select(b => b.Bool("forceDestroy")), Has.All.True);
        }
    }

    [Test]
    public void Dev_SubscribesNobodyToAlarms()
    {
        // The queues' subscriptions to order-events are not alarm subscriptions: only the operations topic's count.
        var operations = $"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.OperationsTopicName}";
        Assert.That(Run.OfType("aws:sns/topicSubscription:TopicSubscription").Where(s => s.String("topic") == operations), Is.Empty);
    }
}
