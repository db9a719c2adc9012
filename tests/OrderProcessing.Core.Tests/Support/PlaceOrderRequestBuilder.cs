using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>A valid <c>POST /orders</c> body (the design's example) that tests change one field at a time.</summary>
public sealed class PlaceOrderRequestBuilder
{
    private string? _customerId = "c-42";
    private string? _customerEmail = "jane@example.com";
    private string? _customerName = "Jane Doe";
    private List<OrderLineRequest?>? _items = [new OrderLineRequest("sku-1", 2)];
    private string? _paymentToken = TestPaymentTokens.Visa;
    private AddressRequest? _shippingAddress = new("1 Main St", null, "Springfield", null, "12345", "US");

    public PlaceOrderRequestBuilder WithCustomerId(string? value)
    {
        _customerId = value;
        return this;
    }

    public PlaceOrderRequestBuilder WithCustomerEmail(string? value)
    {
        _customerEmail = value;
        return this;
    }

    public PlaceOrderRequestBuilder WithCustomerName(string? value)
    {
        _customerName = value;
        return this;
    }

    public PlaceOrderRequestBuilder WithPaymentToken(string? value)
    {
        _paymentToken = value;
        return this;
    }

    /// <summary>Replaces the lines (null for a missing <c>items</c> field).</summary>
    public PlaceOrderRequestBuilder WithItems(params OrderLineRequest?[]? items)
    {
        _items = items?.ToList();
        return this;
    }

    /// <summary>Replaces the lines with one line of <paramref name="productId"/>.</summary>
    public PlaceOrderRequestBuilder WithLine(string? productId, int? quantity) => WithItems(new OrderLineRequest(productId, quantity));

    /// <summary>Replaces the lines with <paramref name="count"/> distinct products <c>sku-1</c>, <c>sku-2</c>, ... of quantity 1.</summary>
    public PlaceOrderRequestBuilder WithDistinctLines(int count) =>
        WithItems(Enumerable.Range(1, count).Select(i => (OrderLineRequest?)new OrderLineRequest($"sku-{i}", 1)).ToArray());

    public PlaceOrderRequestBuilder WithShippingAddress(AddressRequest? value)
    {
        _shippingAddress = value;
        return this;
    }

    /// <summary>Changes fields of the (present) shipping address.</summary>
    public PlaceOrderRequestBuilder WithAddress(Func<AddressRequest, AddressRequest> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _shippingAddress = change(_shippingAddress ?? throw new InvalidOperationException("The request has no address."));
        return this;
    }

    public PlaceOrderRequestBuilder WithCountry(string? country) => WithAddress(a => a with { Country = country });

    public PlaceOrderRequest Build() => new(_customerId, _customerEmail, _customerName, _items?.ToList(), _paymentToken, _shippingAddress);
}
