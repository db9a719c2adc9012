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
        ],
        ProductItemBytes: 500,
        OrderItemBytes: 1_200,
        InvoiceBytes: 1_600);

    private static CostLine Line(string item) => CostModel.Lines(Sample()).Single(l => l.Item == item);

    [Test]
    public void LambdaDuration_IsBilledMillisecondsTimesConfiguredMemory()
    {
        // api: 5 ms at 1 GB; reserve: 8 ms at 0.5 GB; invoice: 12 ms at 0.5 GB.
        var expectedGbSeconds = (0.005 * 1) + (0.008 * 0.5) + (0.012 * 0.5);

        Assert.That(Line("Lambda duration").PerOrder, Is.EqualTo(expectedGbSeconds).Within(1e-12));
        Assert.That(Line("Lambda duration").DollarsPerMillionOrders, Is.EqualTo(expectedGbSeconds * 1_000_000 * 0.0000166667).Within(1e-9));
    }

    [Test]
    public void DynamoDbLines_AddUpTableIndexAndReadUnits()
    {
        Assert.That(Line("DynamoDB writes (tables)").PerOrder, Is.EqualTo(3));
        Assert.That(Line("DynamoDB writes (indexes)").PerOrder, Is.EqualTo(7));
        Assert.That(Line("DynamoDB reads").PerOrder, Is.EqualTo(1.5));
        Assert.That(Line("DynamoDB writes (indexes)").DollarsPerMillionOrders, Is.EqualTo(7 * 0.625).Within(1e-9));
    }

    [Test]
    public void WiringLines_FollowFromStageMessagesAndOrderEvents()
    {
        // Two stage messages per order here; every write (creation + each stage's move) is an event.
        Assert.That(Line("Lambda requests").PerOrder, Is.EqualTo(3));
        Assert.That(Line("SQS requests").PerOrder, Is.EqualTo(2 * 3));
        Assert.That(Line("SNS publishes").PerOrder, Is.EqualTo(3));
        Assert.That(Line("EventBridge Pipes requests").PerOrder, Is.EqualTo(2 + 3));
        Assert.That(Line("S3 PUT").PerOrder, Is.EqualTo(1));
    }

    [Test]
    public void LogIngestion_IsPricedPerGibibyteOfLines()
    {
        var gb = 2_700 / (1024.0 * 1024 * 1024);

        Assert.That(Line("CloudWatch Logs ingestion").DollarsPerMillionOrders, Is.EqualTo(gb * 1_000_000 * 0.50).Within(1e-9));
    }

    [Test]
    public void Total_IsTheSumOfTheLines()
    {
        var lines = CostModel.Lines(Sample());

        Assert.That(CostModel.Total(lines), Is.EqualTo(lines.Sum(l => l.DollarsPerMillionOrders)));
    }
}
