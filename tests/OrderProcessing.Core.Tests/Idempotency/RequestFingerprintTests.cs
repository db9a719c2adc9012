using OrderProcessing.Core.Common;
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

    // Pinned from the fingerprints stored before the place-order command existed: an Idempotency-Key claimed then must
    // still match a replay of the same body, so these values may never change.
    [TestCase("c-42", "jane@example.com", "Jane Doe", "sku-1", 2, "sku-9", 0, "1 Main St", null, "Springfield", null, "12345", "US", "ac7e03b0eb301d5d69196d3466d220a47161c4d20941ca0d9f5b33e2ecc1ef3f")]
    [TestCase("c-7", "zo\u00eb@example.com", "Zo\u00eb \u00c5ngstr\u00f6m", "sku-1", 2, "sku-2", 10, "12 Rue de la Paix", "Apt 4", "Paris", "IDF", "75002", "FR", "c3414656611a0a58e8800cef75e2c224e3c0359baa187523591f872699fe3b0f")]
    public void Fingerprint_OfAStoredBody_NeverChanges(
        string customerId, string email, string name, string product1, int quantity1, string product2, int quantity2,
        string line1, string? line2, string city, string? region, string postalCode, string country, string expected)
    {
        List<OrderLineRequest?> items = quantity2 == 0
            ? [new OrderLineRequest(product1, quantity1)]
            : [new OrderLineRequest(product1, quantity1), new OrderLineRequest(product2, quantity2)];
        var request = new PlaceOrderRequest(customerId, email, name, items, "tok_visa", new AddressRequest(line1, line2, city, region, postalCode, country));

        Assert.That(RequestFingerprint.Compute(request), Is.EqualTo(expected));
    }

    [Test]
    public void Fingerprint_IgnoresTheIdempotencyKey()
    {
        var request = new PlaceOrderRequestBuilder().Build();

        Assert.That(RequestFingerprint.Compute(PlaceOrderValidator.Validate(request, "key-1")), Is.EqualTo(RequestFingerprint.Compute(PlaceOrderValidator.Validate(request, "key-2"))));
    }

    [Test]
    public void Fingerprint_OfARequestThatBreaksARule_IsRefused() =>
        Assert.Throws<ValidationException>(() => RequestFingerprint.Compute(new PlaceOrderRequestBuilder().WithCustomerId(null).Build()));

    [Test]
    public void Fingerprint_IsHexSha256() =>
        Assert.That(RequestFingerprint.Compute(new PlaceOrderRequestBuilder().Build()), Does.Match("^[0-9a-f]{64}$"));

    private static TestCaseData Case(string name, Func<PlaceOrderRequestBuilder, PlaceOrderRequestBuilder> change) =>
        new TestCaseData(change).SetArgDisplayNames(name);
}
