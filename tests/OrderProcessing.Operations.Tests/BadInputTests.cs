using System.Net;
using Amazon.SQS;
using OrderProcessing.Operations.Cli;
using OrderProcessing.Operations.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Operations.Tests;

/// <summary>Bad input: one line naming what was wrong, a non-zero exit code, nothing moved.</summary>
public sealed class BadInputTests
{
    private static OperatedHost _host = null!;

    [OneTimeSetUp]
    public static async Task StartAsync() => _host = await OperatedHost.StartAsync();

    [OneTimeTearDown]
    public static async Task StopAsync() => await _host.DisposeAsync();

    [Test]
    public async Task UnknownStage_ExitsOne_NamingTheKnownStages()
    {
        var run = await _host.RunAsync("dead-letters", "list", "--stage", "reserve-inventry");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
            Assert.That(run.Error, Does.Contain("Unknown stage 'reserve-inventry'").And.Contain(SystemTopology.ReserveInventory.Name).And.Contain(SystemTopology.Compensate.Name));
            Assert.That(run.Error.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        });
    }

    [Test]
    public async Task RedriveOfAnOrderWithNoDeadLetter_ExitsOne_NamingTheOrder()
    {
        var run = await _host.RunAsync("dead-letters", "redrive", "--stage", SystemTopology.ShipOrder.Name, "--order", "ord-nope");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
            Assert.That(run.Error, Does.Contain("Unknown order 'ord-nope'").And.Contain("nothing moved"));
        });
    }

    [Test]
    public async Task NudgeOfAnUnknownOrder_ExitsOne_NamingTheOrder()
    {
        var run = await _host.RunAsync("orders", "nudge", "ord-nope");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
            Assert.That(run.Error, Does.Contain("Unknown order 'ord-nope'"));
        });
    }

    [Test]
    public async Task UnreachableHost_ExitsOne_NamingTheEndpoint()
    {
        var run = await CliRun.RunAsync("--local", "http://127.0.0.1:1", "dead-letters", "list");
        var nudge = await CliRun.RunAsync("--local", "http://127.0.0.1:1", "orders", "nudge", "ord-1");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed), run.ToString());
            Assert.That(run.Error, Does.StartWith("error: Cannot reach").And.Contain("sqs:GetQueueUrl"));
            Assert.That(nudge.ExitCode, Is.EqualTo(ExitCodes.Failed), nudge.ToString());
            Assert.That(nudge.Error, Does.Contain("Cannot reach the local host at http://127.0.0.1:1"));
        });
    }

    [Test]
    public async Task NoTarget_ExitsOne_SayingHowToNameOne()
    {
        var run = await CliRun.RunAsync("orders", "stuck");
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
            Assert.That(run.Error, Does.Contain("--local URL").And.Contain("--stack-outputs FILE"));
        });
    }

    [Test]
    public async Task StackOutputsMissingAStage_ExitsOne_NamingTheMissingOutput()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, """{"queues": {}, "deadLetterQueues": {}, "tables": {}}""");
        try
        {
            var run = await CliRun.RunAsync("--stack-outputs", file, "--region", "us-east-1", "dead-letters", "list");
            Assert.Multiple(() =>
            {
                Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Failed));
                Assert.That(run.Error, Does.Contain("have no deadLetterQueues."));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("orders", "stuck", "--older-than", "soon")]
    [TestCase("dead-letters", "redrive")]
    [TestCase("dead-letters", "list", "--local", "ftp://x")]
    public async Task MalformedCommandLine_ExitsTwo_WithTheParserMessage(params string[] args)
    {
        var run = await CliRun.RunAsync(args);
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Usage), run.ToString());
            Assert.That(run.Error, Does.StartWith("error: "));
        });
    }

    [Test]
    public void AccessDenied_IsDescribed_NamingTheAction()
    {
        var denied = new AmazonSQSException("User: arn:aws:iam::1:user/x is not authorized to perform: sqs:startmessagemovetask")
        {
            StatusCode = HttpStatusCode.Forbidden,
            ErrorCode = "AccessDenied",
        };
        Assert.That(
            AwsCalls.Describe("sqs:StartMessageMoveTask", "order-processing-dev-reserve-inventory-dlq", denied),
            Does.StartWith("Access denied: the caller may not sqs:StartMessageMoveTask on order-processing-dev-reserve-inventory-dlq"));
    }

    [Test]
    public void AccessDenied_DuringARun_ExitsOne()
    {
        var denied = new AmazonSQSException("denied") { StatusCode = HttpStatusCode.Forbidden, ErrorCode = "AccessDenied" };
        var thrown = Assert.ThrowsAsync<OperatorException>(() => AwsCalls.RunAsync<int>("sqs:ReceiveMessage", "q", () => throw denied));
        Assert.That(thrown!.Message, Does.Contain("sqs:ReceiveMessage"));
    }
}
