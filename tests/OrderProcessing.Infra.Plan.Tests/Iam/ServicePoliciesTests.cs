using System.Text.Json;
using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Iam;

public sealed class ServicePoliciesTests
{
    private static readonly string Stream = SampleArns.Stream(StorageSchema.Orders);

    [Test]
    public void StagePipePolicy_ReadsTheOrdersStreamAndSendsOnlyToItsQueueAndThePipesDeadLetters()
    {
        var queue = SampleArns.Queue("q");
        var deadLetters = SampleArns.Queue("pipes-dlq");

        var grants = PolicyReader.Grants(PipePolicies.ForStage(Stream, queue, deadLetters).ToJson());

        Assert.That(grants, Is.EquivalentTo(
            PipePolicies.StreamReadActions.Select(a => (a, Stream))
                .Append(("sqs:SendMessage", queue))
                .Append(("sqs:SendMessage", deadLetters))));
    }

    [Test]
    public void OrderEventsPipePolicy_ReadsTheOrdersStreamAndPublishesOnlyToItsTopic()
    {
        var topic = SampleArns.Topic("order-events");
        var deadLetters = SampleArns.Queue("pipes-dlq");

        var grants = PolicyReader.Grants(PipePolicies.ForOrderEvents(Stream, topic, deadLetters).ToJson());

        Assert.That(grants, Is.EquivalentTo(
            PipePolicies.StreamReadActions.Select(a => (a, Stream))
                .Append(("sns:Publish", topic))
                .Append(("sqs:SendMessage", deadLetters))));
    }

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
            PipePolicies.ForStage(Stream, SampleArns.Queue("q"), SampleArns.Queue("q-dlq")),
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
