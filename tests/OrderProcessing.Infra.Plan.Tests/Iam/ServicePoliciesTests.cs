using System.Text.Json;
using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Iam;

public sealed class ServicePoliciesTests
{
    private static readonly string Stream = SampleArns.Stream(StorageSchema.Orders);

    [Test]
    public void StreamPipePolicy_ReadsTheOrdersStreamAndPublishesOnlyToItsTopic()
    {
        var topic = SampleArns.Topic("order-events");
        var deadLetters = SampleArns.Queue("pipes-dlq");

        var grants = PolicyReader.Grants(PipePolicies.ForOrderEvents(Stream, topic, deadLetters).ToJson());

        // Written out, not read from PipePolicies: ListStreams is absent because it is authorised only on "*".
        Assert.That(grants, Is.EquivalentTo(new[]
        {
            ("dynamodb:DescribeStream", Stream),
            ("dynamodb:GetRecords", Stream),
            ("dynamodb:GetShardIterator", Stream),
            ("sns:Publish", topic),
            ("sqs:SendMessage", deadLetters),
        }));
    }

    [Test]
    public void StageQueuePolicy_LetsOnlyTheOrderEventsTopicDeliver()
    {
        var queue = SampleArns.Queue("q");
        var topic = SampleArns.Topic("order-events");

        var statement = PolicyReader.Statements(QueuePolicies.AllowTopic(queue, topic).ToJson()).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statement.Effect, Is.EqualTo("Allow"));
            Assert.That(statement.Principal!.Value.GetProperty("Service").GetString(), Is.EqualTo("sns.amazonaws.com"));
            Assert.That(statement.Actions, Is.EqualTo(new[] { "sqs:SendMessage" }));
            Assert.That(statement.Resources, Is.EqualTo(new[] { queue }));
            Assert.That(statement.Condition!.Value.GetProperty("ArnEquals").GetProperty("aws:SourceArn").GetString(), Is.EqualTo(topic));
        }
    }

    [Test]
    public void OperationsTopicPolicy_LetsSesPublishOnlyTheStacksConfigurationSetEvents_AndKeepsTheOwnersDefault()
    {
        var topic = SampleArns.Topic("operations");
        var configurationSet = $"arn:aws:ses:{SampleArns.Region}:{SampleArns.Account}:configuration-set/mail";

        var statements = PolicyReader.Statements(TopicPolicies.OperationsTopic(topic, configurationSet).ToJson());
        var ses = statements.Single(s => s.Principal!.Value.TryGetProperty("Service", out var service) && service.GetString() == "ses.amazonaws.com");
        var owner = statements.Single(s => s.Principal!.Value.TryGetProperty("AWS", out _));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements, Has.Count.EqualTo(2));
            Assert.That(ses.Actions, Is.EqualTo(new[] { "SNS:Publish" }));
            Assert.That(ses.Resources, Is.EqualTo(new[] { topic }));
            Assert.That(ses.Condition!.Value.GetProperty("ArnEquals").GetProperty("AWS:SourceArn").GetString(), Is.EqualTo(configurationSet));
            Assert.That(ses.Condition!.Value.GetProperty("StringEquals").GetProperty("AWS:SourceAccount").GetString(), Is.EqualTo(SampleArns.Account));

            // Replacing a topic's policy drops SNS's default one, through which CloudWatch alarms of the account publish.
            Assert.That(owner.Actions, Does.Contain("SNS:Publish"));
            Assert.That(owner.Condition!.Value.GetProperty("StringEquals").GetProperty("AWS:SourceOwner").GetString(), Is.EqualTo(SampleArns.Account));
        }
    }

    [Test]
    public void OperationsTopicPolicy_NotAnArn_IsRefused() =>
        Assert.That(() => TopicPolicies.OperationsTopic(SampleArns.Topic("operations"), "mail"), Throws.TypeOf<FormatException>());

    [Test]
    public void LambdaRole_IsAssumableOnlyByLambda()
    {
        var statement = PolicyReader.Statements(TrustPolicies.Lambda().ToJson()).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statement.Actions, Is.EqualTo(new[] { "sts:AssumeRole" }));
            Assert.That(statement.Principal!.Value.GetProperty("Service").GetString(), Is.EqualTo("lambda.amazonaws.com"));
        }
    }

    [Test]
    public void PipeRole_IsAssumableOnlyByPipesForThisAccount()
    {
        var statement = PolicyReader.Statements(TrustPolicies.Pipes(SampleArns.Account).ToJson()).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statement.Principal!.Value.GetProperty("Service").GetString(), Is.EqualTo("pipes.amazonaws.com"));
            Assert.That(statement.Condition!.Value.GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString(), Is.EqualTo(SampleArns.Account));
        }
    }

    [Test]
    public void BucketPolicy_DeniesEveryRequestWithoutTls()
    {
        var bucket = SampleArns.Bucket(StorageSchema.Invoices);

        var statement = PolicyReader.Statements(BucketPolicies.DenyInsecureTransport(bucket).ToJson()).Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statement.Effect, Is.EqualTo("Deny"));
            Assert.That(statement.Resources, Is.EquivalentTo(new[] { bucket, bucket + "/*" }));
            Assert.That(statement.Condition!.Value.GetProperty("Bool").GetProperty("aws:SecureTransport").GetString(), Is.EqualTo("false"));
        }
    }

    [Test]
    public void EveryServicePolicy_HasNoWildcardAllowAndNoStarResource()
    {
        var documents = new[]
        {
            QueuePolicies.AllowTopic(SampleArns.Queue("q"), SampleArns.Topic("t")),
            PipePolicies.ForOrderEvents(Stream, SampleArns.Topic("t"), SampleArns.Queue("t-dlq")),
            TrustPolicies.Lambda(),
            TrustPolicies.Pipes(SampleArns.Account),
            BucketPolicies.DenyInsecureTransport(SampleArns.Bucket(StorageSchema.Invoices)),
        };

        var statements = documents.SelectMany(d => PolicyReader.Statements(d.ToJson())).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(statements.Where(s => s.Effect == "Allow").SelectMany(s => s.Actions).Where(PolicyReader.IsWildcard), Is.Empty);
            Assert.That(statements.SelectMany(s => s.Resources), Has.None.EqualTo("*"));
        }
    }

    [Test]
    public void PolicyDocument_OmitsAbsentParts()
    {
        using var json = JsonDocument.Parse(TrustPolicies.Lambda().ToJson());

        Assert.That(json.RootElement.GetProperty("Statement")[0].TryGetProperty("Resource", out _), Is.False);
    }

    [TestCase("arn:aws:dynamodb:eu-west-1:123456789012:table/orders", "aws", "dynamodb", "eu-west-1", "123456789012", "table/orders")]
    [TestCase("arn:aws-cn:logs:cn-north-1:123456789012:log-group:/aws/lambda/x", "aws-cn", "logs", "cn-north-1", "123456789012", "log-group:/aws/lambda/x")]
    public void Arn_IsSplitIntoItsParts(string arn, string partition, string service, string region, string account, string resource)
    {
        Assert.That(Arn.Parse(arn), Is.EqualTo(new Arn(partition, service, region, account, resource)));
    }

    [TestCase("")]
    [TestCase("table/orders")]
    [TestCase("arn:aws:dynamodb")]
    public void NonArn_IsRejected(string text)
    {
        Assert.Throws<FormatException>(() => Arn.Parse(text));
    }
}
