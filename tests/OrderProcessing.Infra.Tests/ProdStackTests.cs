using OrderProcessing.Infra.Tests.Support;

namespace OrderProcessing.Infra.Tests;

/// <summary>The policies, run on the prod stack, and what only prod promises.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ProdStackTests() : BlindSpotPolicies("prod")
{
    [Test]
    public void Prod_HasDeletionProtection()
    {
        var tables = Run.OfType("aws:dynamodb/table:Table");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tables, Is.Not.Empty);
            Assert.That(tables.Select(t => t.Bool("deletionProtectionEnabled")), Has.All.True);
            Assert.That(Run.OfType("aws:s3/bucket:Bucket").Select(b => b.Bool("forceDestroy")), Has.All.False);
        }
    }

    [Test]
    public void Prod_EmailsEveryAlarmToOperations()
    {
        var operations = $"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.OperationsTopicName}";
        // Every subscription but the queues' (to order-events, checked by the policies): the queues are not alarm recipients.
        var subscriptions = Run.OfType("aws:sns/topicSubscription:TopicSubscription").Where(s => s.String("protocol") != "sqs").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(subscriptions.Select(s => s.String("endpoint")), Is.EquivalentTo(Run.Plan.Settings.AlarmEmails));
            Assert.That(subscriptions.Select(s => s.String("protocol")), Has.All.EqualTo("email"));
            Assert.That(subscriptions.Select(s => s.String("topic")), Has.All.EqualTo(operations));
        }
    }

    [Test]
    public void Prod_SignsCallersInWithCognitoAndProtectsItsUserPool()
    {
        var pool = Run.OfType("aws:cognito/userPool:UserPool").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pool.String("deletionProtection"), Is.EqualTo("ACTIVE"));
            Assert.That(Run.OfType("aws:apigateway/apiKey:ApiKey"), Is.Empty);
        }
    }
}
