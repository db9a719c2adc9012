using System.Text;
using OrderProcessing.Transport.Delivery;
using OrderProcessing.Transport.Dispatch;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Events;

/// <summary>Reading a stage's partial batch response the way Lambda does.</summary>
public sealed class BatchResponseReaderTests
{
    private static readonly string[] Batch = ["a", "b", "c"];

    [TestCase("")]
    [TestCase("null")]
    [TestCase("{}")]
    [TestCase("{\"batchItemFailures\":[]}")]
    [TestCase("{\"batchItemFailures\":null}")]
    public void FailedMessageIds_NoFailures_MeansEveryMessageSucceeded(string output)
    {
        Assert.That(BatchResponseReader.FailedMessageIds(Encoding.UTF8.GetBytes(output), Batch), Is.Empty);
    }

    [Test]
    public void FailedMessageIds_ReportedFailures_AreTheMessagesToRetry()
    {
        var output = "{\"batchItemFailures\":[{\"itemIdentifier\":\"b\"},{\"itemIdentifier\":\"c\"}]}"u8;

        Assert.That(BatchResponseReader.FailedMessageIds(output, Batch), Is.EquivalentTo(new[] { "b", "c" }));
    }

    [TestCase("not json")]
    [TestCase("[1,2]")]
    [TestCase("{\"batchItemFailures\":{}}")]
    [TestCase("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")]
    [TestCase("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}")]
    [TestCase("{\"batchItemFailures\":[{\"id\":\"a\"}]}")]
    [TestCase("{\"batchItemFailures\":[{\"itemIdentifier\":\"z\"}]}")]
    public void FailedMessageIds_MalformedResponse_FailsTheWholeBatch(string output)
    {
        Assert.That(() => BatchResponseReader.FailedMessageIds(Encoding.UTF8.GetBytes(output), Batch), Throws.InstanceOf<FormatException>());
    }
}
