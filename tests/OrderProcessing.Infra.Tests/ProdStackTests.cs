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
    public async Task Prod_ExportsTheApiKeyAsASecretString()
    {
        var stack = Run.Mocks.RegisteredOutputs.Single(o => o.Key.Contains("::pulumi:pulumi:Stack::", StringComparison.Ordinal)).Value;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await stack["apiKey"].ValueAsync(), Is.TypeOf<string>().And.EqualTo(AwsMocks.ApiKeyValue));
            Assert.That(await Pulumi.Output.IsSecretAsync(stack["apiKey"]), Is.True);
        }
    }

    [Test]
    public void Prod_RequiresAnApiKeyThrottledByAUsagePlan()
    {
        var plan = Run.OfType("aws:apigateway/usagePlan:UsagePlan").Single();
        var throttle = plan.Object("throttleSettings");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run.OfType("aws:apigateway/apiKey:ApiKey"), Has.Count.EqualTo(1));
            Assert.That(Run.OfType("aws:apigateway/usagePlanKey:UsagePlanKey"), Has.Count.EqualTo(1));
            Assert.That(throttle.Property<double>("rateLimit"), Is.EqualTo(Run.Plan.Api.RateLimit));
            Assert.That(throttle.Property<double>("burstLimit"), Is.EqualTo(Run.Plan.Api.BurstLimit));
        }
    }
}
