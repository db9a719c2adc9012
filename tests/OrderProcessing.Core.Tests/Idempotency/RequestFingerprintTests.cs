using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Tests.Support;

namespace OrderProcessing.Core.Tests.Idempotency;

/// <summary>The fingerprint tells a replay (same meaning) from a different request under the same Idempotency-Key.</summary>
public class RequestFingerprintTests
{
    private static IEnumerable<TestCaseData> OneFieldChanged()
    {
        yield return Case("customerId", b => b.WithCustomerId("c-43"));
        yield return Case("customerEmail", b => b.WithCustomerEmail("joe@example.com"));
        yield return Case("customerName", b => b.WithCustomerName("Joe Doe"));
        yield return Case("paymentToken", b => b.WithPaymentToken("tok_mastercard"));
        yield return Case("quantity", b => b.WithLine("sku-1", 3));
        yield return Case("productId", b => b.WithLine("sku-2", 2));
        yield return Case("another line", b => b.WithItems(new OrderLineRequest("sku-1", 2), new OrderLineRequest("sku-2", 1)));
        yield return Case("line2 present", b => b.WithAddress(a => a with { Line2 = "" }));
        yield return Case("city", b => b.WithAddress(a => a with { City = "Shelbyville" }));
        yield return Case("country", b => b.WithCountry("CA"));
    }

    [Test]
    public void EqualRequests_HaveEqualFingerprints()
    {
        var built = new PlaceOrderRequestBuilder().Build();
        var parsedAgain = new PlaceOrderRequest(
            "c-42", "jane@example.com", "Jane Doe", [new OrderLineRequest("sku-1", 2)], "tok_visa", new AddressRequest("1 Main St", null, "Springfield", null, "12345", "US"));

        Assert.That(RequestFingerprint.Compute(parsedAgain), Is.EqualTo(RequestFingerprint.Compute(built)));
    }

    [TestCaseSource(nameof(OneFieldChanged))]
    public void ChangingAnyField_ChangesTheFingerprint(Func<PlaceOrderRequestBuilder, PlaceOrderRequestBuilder> change) =>
        Assert.That(RequestFingerprint.Compute(change(new PlaceOrderRequestBuilder()).Build()), Is.Not.EqualTo(RequestFingerprint.Compute(new PlaceOrderRequestBuilder().Build())));

    [Test]
    public void MovingTextAcrossAFieldBoundary_ChangesTheFingerprint()
    {
        var a = new PlaceOrderRequestBuilder().WithCustomerId("ab").WithCustomerEmail("c@example.com").Build();
        var b = new PlaceOrderRequestBuilder().WithCustomerId("a").WithCustomerEmail("bc@example.com").Build();

        Assert.That(RequestFingerprint.Compute(a), Is.Not.EqualTo(RequestFingerprint.Compute(b)));
    }

    [Test]
    public void Fingerprint_IsHexSha256() =>
        Assert.That(RequestFingerprint.Compute(new PlaceOrderRequestBuilder().Build()), Does.Match("^[0-9a-f]{64}$"));

    private static TestCaseData Case(string name, Func<PlaceOrderRequestBuilder, PlaceOrderRequestBuilder> change) =>
        new TestCaseData(change).SetArgDisplayNames(name);
}
