using Amazon.SQS;
using Amazon.SQS.Model;
using OrderProcessing.Local.Sqs;
using OrderProcessing.Operations.Targets;
using OrderProcessing.Operations.Tests.Support;
using OrderProcessing.Testing.Waiting;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Naming;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Operations.Tests;

/// <summary>The local host's SQS subset, driven by the real AWSSDK.SQS client (which checks every MD5 SQS returns).</summary>
public sealed class SqsProtocolTests
{
    private static readonly FunctionDefinition Stage = SystemTopology.ChargePayment;
    private static readonly ResourceNames Names = new(ResourceNames.LocalStack, "us-east-1");
    private OperatedHost _host = null!;
    private AmazonSQSClient _sqs = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _host = await OperatedHost.StartAsync();
        _sqs = _host.Sqs();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _sqs.Dispose();
        await _host.DisposeAsync();
    }

    [Test]
    public void GetQueueUrl_UnknownName_ThrowsQueueDoesNotExist()
    {
        var thrown = Assert.ThrowsAsync<QueueDoesNotExistException>(() => _sqs.GetQueueUrlAsync("order-processing-local-nope"));
        Assert.That(thrown!.ErrorCode, Is.EqualTo("QueueDoesNotExist").Or.EqualTo("AWS.SimpleQueueService.NonExistentQueue"));
    }

    [Test]
    public async Task GetQueueAttributes_DeadLetterQueue_AnswersItsArnAndCount()
    {
        await InjectDeadLettersAsync(2);
        var url = (await _sqs.GetQueueUrlAsync(Names.DeadLetterQueue(Stage))).QueueUrl;
        var attributes = await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = ["All"] });
        Assert.Multiple(() =>
        {
            Assert.That(attributes.QueueARN, Is.EqualTo($"arn:aws:sqs:us-east-1:{LocalSqsService.AccountId}:{Names.DeadLetterQueue(Stage)}"));
            Assert.That(attributes.ApproximateNumberOfMessages, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ReceiveMessage_DeadLetterQueue_CarriesCountsCausesAndChecksums()
    {
        await InjectDeadLettersAsync(1);
        var url = (await _sqs.GetQueueUrlAsync(Names.DeadLetterQueue(Stage))).QueueUrl;
        var received = await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url,
            MaxNumberOfMessages = 10,
            MessageSystemAttributeNames = ["All"],
            MessageAttributeNames = ["All"],
        });
        var message = received.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(message.Body, Is.EqualTo("not an envelope"));
            Assert.That(int.Parse(message.Attributes["ApproximateReceiveCount"], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(Stage.MaxReceiveCount + 1));
            Assert.That(message.Attributes, Does.ContainKey("SentTimestamp"));
            Assert.That(message.MessageAttributes[DeadLetterAttributes.FirstFailureCause].StringValue, Does.Contain("receive 1"));
        });

        // Hidden for the visibility timeout, then visible again at once when released.
        Assert.That((await _sqs.ReceiveMessageAsync(url)).Messages ?? [], Is.Empty);
        await _sqs.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 0);
        Assert.That((await _sqs.ReceiveMessageAsync(url)).Messages, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task DeleteMessage_DeadLetterQueue_RemovesTheLetter()
    {
        await InjectDeadLettersAsync(1);
        var url = (await _sqs.GetQueueUrlAsync(Names.DeadLetterQueue(Stage))).QueueUrl;
        var message = (await _sqs.ReceiveMessageAsync(url)).Messages.Single();
        await _sqs.DeleteMessageAsync(url, message.ReceiptHandle);
        Assert.That(_host.Dispatcher.Find(Stage.Name)!.DeadLetters, Is.Empty);
        Assert.ThrowsAsync<ReceiptHandleIsInvalidException>(() => _sqs.DeleteMessageAsync(url, message.ReceiptHandle));
    }

    [Test]
    public async Task SendMessage_ToADeadLetterQueue_IsUnsupported()
    {
        var url = (await _sqs.GetQueueUrlAsync(Names.DeadLetterQueue(Stage))).QueueUrl;
        Assert.ThrowsAsync<UnsupportedOperationException>(() => _sqs.SendMessageAsync(url, "x"));
    }

    [Test]
    public async Task SendMessage_ToAStageQueue_ReturnsTheBodysChecksum()
    {
        _host.FailingStage = Stage.Name;
        var url = (await _sqs.GetQueueUrlAsync(Names.Queue(Stage))).QueueUrl;
        var sent = await _sqs.SendMessageAsync(url, "hello");
        Assert.That(sent.MD5OfMessageBody, Is.EqualTo(SqsChecksums.OfBody("hello")));
        await _host.WaitForDeadLettersAsync(Stage, 1);
    }

    [Test]
    public async Task StartMessageMoveTask_WhileOneRuns_IsRefused_ThenCompletes()
    {
        await InjectDeadLettersAsync(3);
        _host.FailingStage = SystemTopology.ShipOrder.Name;
        var source = $"arn:aws:sqs:us-east-1:{LocalSqsService.AccountId}:{Names.DeadLetterQueue(Stage)}";
        var started = await _sqs.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest { SourceArn = source, MaxNumberOfMessagesPerSecond = 1 });
        Assert.That(started.TaskHandle, Is.Not.Empty);

        var running = (await _sqs.ListMessageMoveTasksAsync(new ListMessageMoveTasksRequest { SourceArn = source })).Results.Single();
        Assert.That(running.Status, Is.EqualTo("RUNNING"));
        Assert.ThrowsAsync<UnsupportedOperationException>(() => _sqs.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest { SourceArn = source }));

        var done = await Poll.ForAsync<ListMessageMoveTasksResultEntry>(
            async () => (await _sqs.ListMessageMoveTasksAsync(new ListMessageMoveTasksRequest { SourceArn = source })).Results.Single() is { Status: "COMPLETED" } entry ? entry : null,
            "the move task completed");
        Assert.That(done.ApproximateNumberOfMessagesMoved, Is.EqualTo(3));
    }

    [Test]
    public void StartMessageMoveTask_FromAStageQueue_IsRejected() =>
        Assert.ThrowsAsync<AmazonSQSException>(() => _sqs.StartMessageMoveTaskAsync(new StartMessageMoveTaskRequest
        {
            SourceArn = $"arn:aws:sqs:us-east-1:{LocalSqsService.AccountId}:{Names.Queue(Stage)}",
        }));

    // Poison bodies the stage fails on every receive: they reach the dead-letter list with their causes.
    private async Task InjectDeadLettersAsync(int count)
    {
        _host.FailingStage = Stage.Name;
        for (var i = 0; i < count; i++)
        {
            _host.Dispatcher.Inject(Stage.Name, "not an envelope");
        }

        await _host.WaitForDeadLettersAsync(Stage, count);
        _host.FailingStage = null;
    }
}
