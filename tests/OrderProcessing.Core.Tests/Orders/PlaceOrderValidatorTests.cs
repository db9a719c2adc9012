using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Tests.Support;

namespace OrderProcessing.Core.Tests.Orders;

/// <summary>The limits of <c>POST /orders</c> (design section 3), each on both sides of its boundary.</summary>
public class PlaceOrderValidatorTests
{
    private static readonly string Chars200 = new('x', 200);
    private static readonly string Chars201 = new('x', 201);

    [Test]
    public void TheDesignsExampleRequest_IsValid() =>
        Assert.That(Validate(new PlaceOrderRequestBuilder()), Is.Empty);

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(100)]
    public void LineCount_FromOneToOneHundred_IsAccepted(int lines) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithDistinctLines(lines)), Is.Empty);

    [TestCase(0)]
    [TestCase(101)]
    public void LineCount_OutsideOneToOneHundred_IsRejectedOnItems(int lines)
    {
        var errors = Validate(new PlaceOrderRequestBuilder().WithDistinctLines(lines));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "items" }));
        Assert.That(errors["items"], Is.EqualTo(new[] { "must have between 1 and 100 lines" }));
    }

    [TestCase(1)]
    [TestCase(999)]
    [TestCase(1000)]
    public void Quantity_FromOneToOneThousand_IsAccepted(int quantity) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithLine("sku-1", quantity)), Is.Empty);

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1001)]
    [TestCase(int.MaxValue)]
    public void Quantity_OutsideOneToOneThousand_IsRejectedOnThatLine(int quantity)
    {
        var errors = Validate(new PlaceOrderRequestBuilder().WithItems(new OrderLineRequest("sku-1", 1), new OrderLineRequest("sku-2", quantity)));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "items[1].quantity" }));
        Assert.That(errors["items[1].quantity"], Is.EqualTo(new[] { "must be between 1 and 1000" }));
    }

    [Test]
    public void Quantity_Missing_IsRequired() =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithLine("sku-1", null)), Is.EqualTo(Errors("items[0].quantity", "is required")));

    [Test]
    public void SameProductTwice_IsRejectedOnTheSecondLine()
    {
        var errors = Validate(new PlaceOrderRequestBuilder().WithItems(
            new OrderLineRequest("sku-1", 1), new OrderLineRequest("sku-2", 1), new OrderLineRequest("sku-1", 5)));

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "items[2].productId" }));
        Assert.That(errors["items[2].productId"].Single(), Does.Contain("'sku-1'").And.Contain("more than once"));
    }

    [Test]
    public void ProductIds_DifferingOnlyInCase_AreDifferentProducts() =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithItems(new OrderLineRequest("sku-a", 1), new OrderLineRequest("SKU-A", 1))), Is.Empty);

    [Test]
    public void NullLine_IsRequired_AndTheOtherLinesAreStillChecked()
    {
        var errors = Validate(new PlaceOrderRequestBuilder().WithItems(new OrderLineRequest("sku-1", 1), null, new OrderLineRequest("sku-3", 0)));

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["items[1]"] = ["is required"],
            ["items[2].quantity"] = ["must be between 1 and 1000"],
        }));
    }

    [Test]
    public void Items_Missing_IsRequired() =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithItems(null)), Is.EqualTo(Errors("items", "is required")));

    [Test]
    public void ShippingAddress_Missing_IsRequired() =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithShippingAddress(null)), Is.EqualTo(Errors("shippingAddress", "is required")));

    private static IEnumerable<TestCaseData> RequiredFields()
    {
        yield return Field("customerId", (b, v) => b.WithCustomerId(v));
        yield return Field("customerEmail", (b, v) => b.WithCustomerEmail(v));
        yield return Field("customerName", (b, v) => b.WithCustomerName(v));
        yield return Field("paymentToken", (b, v) => b.WithPaymentToken(v));
        yield return Field("items[0].productId", (b, v) => b.WithLine(v, 1));
        yield return Field("shippingAddress.line1", (b, v) => b.WithAddress(a => a with { Line1 = v }));
        yield return Field("shippingAddress.city", (b, v) => b.WithAddress(a => a with { City = v }));
        yield return Field("shippingAddress.postalCode", (b, v) => b.WithAddress(a => a with { PostalCode = v }));
        yield return Field("shippingAddress.country", (b, v) => b.WithAddress(a => a with { Country = v }));
    }

    private static IEnumerable<TestCaseData> LengthLimitedFields()
    {
        yield return Field("customerId", (b, v) => b.WithCustomerId(v));
        yield return Field("customerName", (b, v) => b.WithCustomerName(v));
        yield return Field("paymentToken", (b, v) => b.WithPaymentToken(v));
        yield return Field("items[0].productId", (b, v) => b.WithLine(v, 1));
        yield return Field("shippingAddress.line1", (b, v) => b.WithAddress(a => a with { Line1 = v }));
        yield return Field("shippingAddress.line2", (b, v) => b.WithAddress(a => a with { Line2 = v }));
        yield return Field("shippingAddress.city", (b, v) => b.WithAddress(a => a with { City = v }));
        yield return Field("shippingAddress.region", (b, v) => b.WithAddress(a => a with { Region = v }));
        yield return Field("shippingAddress.postalCode", (b, v) => b.WithAddress(a => a with { PostalCode = v }));
    }

    [TestCaseSource(nameof(RequiredFields))]
    public void RequiredField_Missing_IsRequired(string field, Func<PlaceOrderRequestBuilder, string?, PlaceOrderRequestBuilder> set) =>
        Assert.That(Validate(set(new PlaceOrderRequestBuilder(), null)), Is.EqualTo(Errors(field, "is required")));

    [TestCaseSource(nameof(RequiredFields))]
    public void RequiredField_Blank_IsRequired(string field, Func<PlaceOrderRequestBuilder, string?, PlaceOrderRequestBuilder> set)
    {
        Assert.That(Validate(set(new PlaceOrderRequestBuilder(), "")), Is.EqualTo(Errors(field, "is required")));
        Assert.That(Validate(set(new PlaceOrderRequestBuilder(), "   ")), Is.EqualTo(Errors(field, "is required")));
    }

    [TestCaseSource(nameof(LengthLimitedFields))]
    public void String_OfTwoHundredCharacters_IsAccepted(string field, Func<PlaceOrderRequestBuilder, string?, PlaceOrderRequestBuilder> set) =>
        Assert.That(Validate(set(new PlaceOrderRequestBuilder(), Chars200)), Is.Empty, field);

    [TestCaseSource(nameof(LengthLimitedFields))]
    public void String_OfTwoHundredOneCharacters_IsRejectedOnThatField(string field, Func<PlaceOrderRequestBuilder, string?, PlaceOrderRequestBuilder> set) =>
        Assert.That(Validate(set(new PlaceOrderRequestBuilder(), Chars201)), Is.EqualTo(Errors(field, "must be at most 200 characters")));

    [Test]
    public void Email_OfTwoHundredCharacters_IsAccepted_TwoHundredOne_IsNot()
    {
        var local200 = new string('j', 200 - "@example.com".Length);

        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCustomerEmail(local200 + "@example.com")), Is.Empty);
        Assert.That(
            Validate(new PlaceOrderRequestBuilder().WithCustomerEmail(local200 + "j@example.com")),
            Is.EqualTo(Errors("customerEmail", "must be at most 200 characters")));
    }

    [Test]
    public void OptionalAddressLines_MayBeMissing() =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithAddress(a => a with { Line2 = null, Region = null })), Is.Empty);

    [TestCase("Jane\u0000Doe")]
    [TestCase("Jane\nDoe")]
    [TestCase("Jane\u007fDoe")]
    public void Text_WithControlCharacters_IsRejected(string name) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCustomerName(name)), Is.EqualTo(Errors("customerName", "must not contain control characters")));

    // Attribute arguments are stored as UTF-8, which cannot carry a lone surrogate: these come from code instead.
    private static readonly string[] LoneSurrogates = ["Jane \ud800 Doe", "Jane \udc00 Doe", "Jane Doe \ud83d", "\ude00Jane"];

    [TestCaseSource(nameof(LoneSurrogates))]
    public void Text_WithALoneSurrogate_IsRejected(string name) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCustomerName(name)), Is.EqualTo(Errors("customerName", "must be valid Unicode text")));

    [TestCase("Zoë Ångström-Müller")]
    [TestCase("山田 太郎")]
    [TestCase("Jane 😀 Doe")]
    public void Text_InAnyScript_IsAccepted(string name) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCustomerName(name)), Is.Empty);

    [TestCase("sku 1")]
    [TestCase("sku/1")]
    [TestCase("sku#1")]
    [TestCase("skü-1")]
    public void ProductId_WithSpaceSlashHashOrNonAscii_IsRejected(string productId) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithLine(productId, 1)).Keys, Is.EquivalentTo(new[] { "items[0].productId" }));

    [TestCase("c 42")]
    [TestCase("c/42")]
    public void CustomerId_WithSpaceOrSlash_IsRejected(string customerId) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCustomerId(customerId)).Keys, Is.EquivalentTo(new[] { "customerId" }));

    [TestCase("US")]
    [TestCase("DE")]
    [TestCase("JP")]
    [TestCase("GB")]
    [TestCase("AX")]
    [TestCase("ZW")]
    public void Country_AssignedAlpha2Code_IsAccepted(string country) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCountry(country)), Is.Empty);

    [TestCase("us")]
    [TestCase("Us")]
    [TestCase("XX")]
    [TestCase("UK")]
    [TestCase("USA")]
    [TestCase("U")]
    [TestCase(" US")]
    [TestCase("840")]
    public void Country_NotAnUpperCaseAssignedAlpha2Code_IsRejected(string country) =>
        Assert.That(
            Validate(new PlaceOrderRequestBuilder().WithCountry(country)),
            Is.EqualTo(Errors("shippingAddress.country", "must be an ISO 3166-1 alpha-2 code such as US or DE")));

    [TestCase("jane@example.com")]
    [TestCase("jane.doe+orders@mail.example.co.uk")]
    [TestCase("j@x.io")]
    [TestCase("o'brien@example.ie")]
    [TestCase("JANE@EXAMPLE.COM")]
    [TestCase("user_name-1@sub-domain.example.museum")]
    public void Email_Plausible_IsAccepted(string email) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCustomerEmail(email)), Is.Empty);

    [TestCase("jane")]
    [TestCase("jane@")]
    [TestCase("@example.com")]
    [TestCase("jane@example")]
    [TestCase("jane@@example.com")]
    [TestCase("jane@exa mple.com")]
    [TestCase("jane doe@example.com")]
    [TestCase("jane@example.com ")]
    [TestCase("jane@-example.com")]
    [TestCase("jane@example-.com")]
    [TestCase("jane@example..com")]
    [TestCase("jane@example.c")]
    [TestCase("jane@example.123")]
    [TestCase("<jane@example.com>")]
    [TestCase("jane@example.com, joe@example.com")]
    public void Email_Implausible_IsRejected(string email) =>
        Assert.That(Validate(new PlaceOrderRequestBuilder().WithCustomerEmail(email)), Is.EqualTo(Errors("customerEmail", "must be a valid email address")));

    [Test]
    public void SeveralBrokenRules_AreReportedTogether_EachUnderItsFieldPath()
    {
        var request = new PlaceOrderRequestBuilder()
            .WithCustomerId(null)
            .WithCustomerEmail("not-an-email")
            .WithCustomerName(Chars201)
            .WithPaymentToken(" ")
            .WithItems(new OrderLineRequest("sku-1", 0), new OrderLineRequest(null, 1), new OrderLineRequest("sku-1", 2))
            .WithAddress(a => a with { City = null, Country = "usa" });

        var errors = Validate(request);

        Assert.That(errors, Is.EqualTo(new Dictionary<string, string[]>
        {
            ["customerId"] = ["is required"],
            ["customerEmail"] = ["must be a valid email address"],
            ["customerName"] = ["must be at most 200 characters"],
            ["paymentToken"] = ["is required"],
            ["items[0].quantity"] = ["must be between 1 and 1000"],
            ["items[1].productId"] = ["is required"],
            ["items[2].productId"] = ["product 'sku-1' appears more than once"],
            ["shippingAddress.city"] = ["is required"],
            ["shippingAddress.country"] = ["must be an ISO 3166-1 alpha-2 code such as US or DE"],
        }));
    }

    [Test]
    public void Validate_ThrowsValidationException_CarryingEveryFieldError()
    {
        var request = new PlaceOrderRequestBuilder().WithCustomerId(null).WithCountry("xx").Build();

        var e = Assert.Throws<ValidationException>(() => PlaceOrderValidator.Validate(request));

        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "customerId", "shippingAddress.country" }));
        Assert.That(e.Message, Does.Contain("customerId").And.Contain("shippingAddress.country"));
    }

    [Test]
    public void Validate_OfAValidRequest_YieldsACommandCarryingEveryFieldAsGiven()
    {
        var request = new PlaceOrderRequestBuilder()
            .WithItems(new OrderLineRequest("sku-1", 2), new OrderLineRequest("sku-2", 1000))
            .WithAddress(a => a with { Line2 = "Apt 4", Region = "IL" })
            .Build();

        var command = PlaceOrderValidator.Validate(request, "key-1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(command.Customer, Is.EqualTo(new Customer("c-42", "jane@example.com", "Jane Doe")));
            Assert.That(command.Lines, Is.EqualTo(new[] { new PlaceOrderLine("sku-1", 2), new PlaceOrderLine("sku-2", 1000) }));
            Assert.That(command.PaymentToken, Is.EqualTo("tok_visa"));
            Assert.That(command.ShippingAddress, Is.EqualTo(new Address("1 Main St", "Apt 4", "Springfield", "IL", "12345", "US")));
            Assert.That(command.IdempotencyKey, Is.EqualTo("key-1"));
        }
    }

    [Test]
    public void Validate_WithoutOptionalFields_YieldsACommandWithThemMissing()
    {
        var command = PlaceOrderValidator.Validate(new PlaceOrderRequestBuilder().WithAddress(a => a with { Line2 = null, Region = null }).Build());

        Assert.That((command.ShippingAddress.Line2, command.ShippingAddress.Region, command.IdempotencyKey), Is.EqualTo(((string?)null, (string?)null, (string?)null)));
    }

    [Test]
    public void Validate_ReportsABadIdempotencyKey_AfterTheBodysErrors_InOneException()
    {
        var request = new PlaceOrderRequestBuilder().WithCustomerName(null).WithCountry("xx").Build();

        var e = Assert.Throws<ValidationException>(() => PlaceOrderValidator.Validate(request, new string('k', 201)));

        Assert.That(e.Errors.Keys, Is.EqualTo(new[] { "customerName", "shippingAddress.country", "Idempotency-Key" }));
        Assert.That(e.Errors["Idempotency-Key"], Is.EqualTo(new[] { "must be 1 to 200 printable ASCII characters" }));
    }

    [Test]
    public void Validate_WithOnlyABadIdempotencyKey_ReportsJustThat()
    {
        var e = Assert.Throws<ValidationException>(() => PlaceOrderValidator.Validate(new PlaceOrderRequestBuilder().Build(), ""));

        Assert.That(e.Errors.Keys, Is.EqualTo(new[] { "Idempotency-Key" }));
    }

    [TestCase(1)]
    [TestCase(36)]
    [TestCase(200)]
    public void IdempotencyKey_OfOneToTwoHundredPrintableCharacters_IsAccepted(int length) =>
        Assert.DoesNotThrow(() => PlaceOrderValidator.EnsureValidIdempotencyKey(new string('k', length)));

    [Test]
    public void IdempotencyKey_UsingEveryPrintableAsciiCharacter_IsAccepted() =>
        Assert.DoesNotThrow(() => PlaceOrderValidator.EnsureValidIdempotencyKey(new string(Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c).ToArray())));

    [TestCase(0)]
    [TestCase(201)]
    public void IdempotencyKey_OutsideOneToTwoHundredCharacters_IsRejected(int length) =>
        AssertIdempotencyKeyRejected(new string('k', length));

    [TestCase("key\u0000")]
    [TestCase("key\t1")]
    [TestCase("key\r\n")]
    [TestCase("key\u007f")]
    [TestCase("clé")]
    [TestCase("key\u00a0")]
    public void IdempotencyKey_WithNonPrintableOrNonAsciiCharacters_IsRejected(string key) =>
        AssertIdempotencyKeyRejected(key);

    private static void AssertIdempotencyKeyRejected(string key)
    {
        var e = Assert.Throws<ValidationException>(() => PlaceOrderValidator.EnsureValidIdempotencyKey(key));
        Assert.That(e.Errors.Keys, Is.EquivalentTo(new[] { "Idempotency-Key" }));
    }

    private static TestCaseData Field(string path, Func<PlaceOrderRequestBuilder, string?, PlaceOrderRequestBuilder> set) =>
        new TestCaseData(path, set).SetArgDisplayNames(path);

    // The request's field errors: none when the validator makes a command of it.
    private static IReadOnlyDictionary<string, string[]> Validate(PlaceOrderRequestBuilder builder)
    {
        try
        {
            _ = PlaceOrderValidator.Validate(builder.Build());
            return new Dictionary<string, string[]>();
        }
        catch (ValidationException e)
        {
            return e.Errors;
        }
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };
}
