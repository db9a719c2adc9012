using OrderProcessing.Benchmarks.Cost;

namespace OrderProcessing.Benchmarks.Tests.Cost;

/// <summary>Dollars per million orders follow from the counted quantities and the written prices, line by line.</summary>
public sealed class CostModelTests
{
    private static CostSample Sample() => new(
        Orders: 10,
        Functions:
        [
            new FunctionUsage("api", 1024, 1, 4.2, 5, 3, 1_000, [new OperationUsage("DynamoDB:PutItem", 1, 0, 1, 3), new OperationUsage("DynamoDB:BatchGetItem", 1, 0.5, 0, 0)]),
            new FunctionUsage("reserve-inventory", 512, 1, 7.5, 8, 4, 800, [new OperationUsage("DynamoDB:UpdateItem", 2, 0, 2, 4), new OperationUsage("DynamoDB:GetItem", 1, 1, 0, 0)]),
            new FunctionUsage("generate-invoice", 512, 1, 12, 12, 6, 900, [new OperationUsage("S3:PutObject", 1, 0, 0, 0)]),
            new FunctionUsage("notify-customer", 512, 2, 20, 21, 9, 700, [new OperationUsage("DynamoDB:GetItem", 2, 1, 0, 0), new OperationUsage("DynamoDB:PutItem", 2, 0, 2, 0), new OperationUsage("S3:GetObject", 1, 0, 0, 0)]),
        ],
        ProductItemBytes: 500,
        OrderItemBytes: 1_200,
        InvoiceBytes: 1_600,
        OrderEventsPerOrder: 3,
        Mail: new MailUsage(EmailsPerOrder: 2, AttachmentBytesPerOrder: 3 * 1024 * 1024, MessageBytesPerOrder: 4 * 1024 * 1024));

    private static CostLine Line(string item) => CostModel.Lines(Sample()).Single(l => l.Item == item);

    [Test]
    public void LambdaDuration_IsBilledMillisecondsTimesConfiguredMemory()
    {
        // api: 5 ms at 1 GB; reserve: 8 ms at 0.5 GB; invoice: 12 ms at 0.5 GB (the customer e-mail has its own line).
        var expectedGbSeconds = (0.005 * 1) + (0.008 * 0.5) + (0.012 * 0.5);

        Assert.That(Line("Lambda duration").PerOrder, Is.EqualTo(expectedGbSeconds).Within(1e-12));
        Assert.That(Line("Lambda duration").DollarsPerMillionOrders, Is.EqualTo(expectedGbSeconds * 1_000_000 * 0.0000166667).Within(1e-9));
    }

    [Test]
    public void DynamoDbLines_AddUpTableIndexAndReadUnits()
    {
        // With the customer e-mail function's order reads and ledger writes.
        Assert.That(Line("DynamoDB writes (tables)").PerOrder, Is.EqualTo(5));
        Assert.That(Line("DynamoDB writes (indexes)").PerOrder, Is.EqualTo(7));
        Assert.That(Line("DynamoDB reads").PerOrder, Is.EqualTo(2.5));
        Assert.That(Line("DynamoDB writes (indexes)").DollarsPerMillionOrders, Is.EqualTo(7 * 0.625).Within(1e-9));
    }

    [Test]
    public void WiringLines_FollowFromStageMessagesAndOrderEvents()
    {
        // Two stage messages per order here, three order events.
        Assert.That(Line("Lambda requests").PerOrder, Is.EqualTo(3));
        Assert.That(Line("SQS requests").PerOrder, Is.EqualTo(2 * 3));
        Assert.That(Line("S3 PUT").PerOrder, Is.EqualTo(1));
    }

    [Test]
    public void PipesAndSns_AreOneRequestPerOrderEvent()
    {
        // One stream pipe forwards each event to the topic once, however many queues SNS then delivers it to.
        Assert.That(Line("EventBridge Pipes requests").PerOrder, Is.EqualTo(3));
        Assert.That(Line("SNS publishes").PerOrder, Is.EqualTo(3));
        Assert.That(Line("EventBridge Pipes requests").DollarsPerMillionOrders, Is.EqualTo(3 * 0.40).Within(1e-9));
    }

    [Test]
    public void CustomerMailLambdaAndSqs_ArePricedPerNotifyCustomerMessage()
    {
        // notify-customer: two messages per order, 21 ms billed at 0.5 GB each.
        var gbSeconds = 2 * 0.021 * 0.5;

        Assert.That(Line("Lambda requests (customer e-mail)").PerOrder, Is.EqualTo(2));
        Assert.That(Line("Lambda duration (customer e-mail)").PerOrder, Is.EqualTo(gbSeconds).Within(1e-12));
        Assert.That(Line("Lambda duration (customer e-mail)").DollarsPerMillionOrders, Is.EqualTo(gbSeconds * 1_000_000 * 0.0000166667).Within(1e-9));
        Assert.That(Line("SQS requests (customer e-mail)").PerOrder, Is.EqualTo(2 * 3));
    }

    [Test]
    public void SesOutbound_IsTenCentsPerThousandEmails()
    {
        // Two e-mails per order: 2,000,000 e-mails per million orders at $0.10 per 1,000.
        Assert.That(Line("SES outbound e-mail").PerOrder, Is.EqualTo(2));
        Assert.That(Line("SES outbound e-mail").DollarsPerMillionOrders, Is.EqualTo(200).Within(1e-9));
    }

    [Test]
    public void SesAttachments_AreTwelveCentsPerGibibyteSent()
    {
        // 3 MiB of attachments per order: 3,000,000 MiB per million orders, at $0.12 per GB (2^30 bytes).
        var gb = 3.0 / 1024;

        Assert.That(Line("SES attachment data").PerOrder, Is.EqualTo(gb).Within(1e-12));
        Assert.That(Line("SES attachment data").DollarsPerMillionOrders, Is.EqualTo(gb * 1_000_000 * 0.12).Within(1e-6));
    }

    [Test]
    public void S3Get_CountsTheInvoiceReadsPlusOneDownload()
    {
        Assert.That(Line("S3 GET").PerOrder, Is.EqualTo(1 + 1));
    }

    [Test]
    public void BatchedSqsRequests_AreOneSendPerMessageAndOneReceiveAndDeletePerTen()
    {
        // Four queue messages per order (two stages, two e-mails): 4 sends + 0.4 receives + 0.4 deletes.
        Assert.That(CostModel.BatchedSqsRequests(Sample()), Is.EqualTo(4.8).Within(1e-12));
    }

    [Test]
    public void LogIngestion_IsPricedPerGibibyteOfLines()
    {
        var gb = 3_400 / (1024.0 * 1024 * 1024);

        Assert.That(Line("CloudWatch Logs ingestion").DollarsPerMillionOrders, Is.EqualTo(gb * 1_000_000 * 0.50).Within(1e-9));
    }

    [Test]
    public void Total_IsTheSumOfTheLines()
    {
        var lines = CostModel.Lines(Sample());

        Assert.That(CostModel.Total(lines), Is.EqualTo(lines.Sum(l => l.DollarsPerMillionOrders)));
    }
}
