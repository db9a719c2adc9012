using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Adapters.S3;
using OrderProcessing.Integration.Tests.Support;

namespace OrderProcessing.Integration.Tests.DynamoDb;

/// <summary>
/// Throttling and server faults, as the real SDK reports them from the wire, become <see cref="TransientFailureException"/>
/// (HTTP 503, queue retry with backoff); client errors do not.
/// </summary>
[TestFixture]
public sealed class TransientFailureTests
{
    private static readonly (string Name, Func<IAmazonDynamoDB, Task> Call)[] DynamoDbCalls =
    [
        ("orders.Get", c => new DynamoDbOrderRepository(c, "orders").GetAsync("o-1")),
        ("orders.Add", c => new DynamoDbOrderRepository(c, "orders").AddAsync(StorageOrders.New().Build())),
        ("orders.List", c => new DynamoDbOrderRepository(c, "orders").ListAsync(new OrderQuery(OrderStatus.Paid, null, 10, null))),
        ("inventory.Reserve", c => new DynamoDbInventory(c, "products", TimeProvider.System).ReserveAsync("o-1", "sku-1", 1)),
        ("catalog.Upsert", c => new DynamoDbCatalog(c, "products", TimeProvider.System).UpsertAsync("sku-1", "Widget", new Money(1m, Currency.Usd), 1)),
        ("payments.CountAttempt", c => new DynamoDbPaymentLedger(c, "payments").CountAttemptAsync("o-1")),
        ("idempotency.TryClaim", c => new DynamoDbIdempotencyStore(c, "idempotency", TimeProvider.System).TryClaimAsync(new IdempotencyRecord("k", "f", "o-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1)))),
    ];

    public static IEnumerable<TestCaseData> ThrottlingAndFaults()
    {
        (HttpStatusCode Status, string Type)[] errors =
        [
            (HttpStatusCode.BadRequest, "ProvisionedThroughputExceededException"),
            (HttpStatusCode.BadRequest, "ThrottlingException"),
            (HttpStatusCode.BadRequest, "RequestLimitExceeded"),
            (HttpStatusCode.InternalServerError, "InternalServerError"),
            (HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
        ];
        return errors.SelectMany(e => DynamoDbCalls.Select(c => new TestCaseData(e.Status, e.Type, c.Call).SetArgDisplayNames(e.Type, c.Name)));
    }

    [TestCaseSource(nameof(ThrottlingAndFaults))]
    public void DynamoDbThrottlingOrFault_IsTransient(HttpStatusCode status, string errorType, Func<IAmazonDynamoDB, Task> call)
    {
        using var endpoint = FakeAwsEndpoint.DynamoDbError(status, errorType);
        using var client = NoRetryDynamoDb(endpoint);

        var e = Assert.ThrowsAsync<TransientFailureException>(() => call(client));

        Assert.That(e!.InnerException, Is.InstanceOf<AmazonServiceException>());
        Assert.That(endpoint.Requests, Is.GreaterThan(0));
    }

    [Test]
    public void DynamoDbClientError_IsNotTransient()
    {
        using var endpoint = FakeAwsEndpoint.DynamoDbError(HttpStatusCode.BadRequest, "ValidationException");
        using var client = NoRetryDynamoDb(endpoint);

        Assert.ThrowsAsync<AmazonDynamoDBException>(() => new DynamoDbOrderRepository(client, "orders").GetAsync("o-1"));
    }

    [Test]
    public void DynamoDbUnreachable_IsTransient()
    {
        using var endpoint = FakeAwsEndpoint.DynamoDbError(HttpStatusCode.BadRequest, "ValidationException");
        var url = endpoint.Url;
        endpoint.Dispose();
        using var client = NoRetryDynamoDb(url);

        Assert.ThrowsAsync<TransientFailureException>(() => new DynamoDbOrderRepository(client, "orders").GetAsync("o-1"));
    }

    [TestCase(HttpStatusCode.ServiceUnavailable, "SlowDown")]
    [TestCase(HttpStatusCode.InternalServerError, "InternalError")]
    public void S3ThrottlingOrFault_IsTransient(HttpStatusCode status, string code)
    {
        using var endpoint = FakeAwsEndpoint.S3Error(status, code);
        using var client = new AmazonS3Client(new BasicAWSCredentials("a", "b"), new AmazonS3Config { ServiceURL = endpoint.Url.ToString(), ForcePathStyle = true, MaxErrorRetry = 0 });
        var store = new S3InvoiceStore(client, "invoices");

        Assert.ThrowsAsync<TransientFailureException>(() => store.GetAsync("o-1"));
        Assert.ThrowsAsync<TransientFailureException>(() => store.PutAsync("o-1", new byte[] { 1, 2, 3 }));
    }

    private static AmazonDynamoDBClient NoRetryDynamoDb(FakeAwsEndpoint endpoint) => NoRetryDynamoDb(endpoint.Url);

    private static AmazonDynamoDBClient NoRetryDynamoDb(Uri url) =>
        new(new BasicAWSCredentials("a", "b"), new AmazonDynamoDBConfig { ServiceURL = url.ToString(), AuthenticationRegion = "us-east-1", MaxErrorRetry = 0, Timeout = TimeSpan.FromSeconds(5) });
}
