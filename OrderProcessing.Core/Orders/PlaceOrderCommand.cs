namespace OrderProcessing.Core.Orders;

/// <summary>
/// A request to place an order that passed every rule of the API contract. Only
/// <see cref="PlaceOrderValidator.Validate"/> makes one, so holding one proves the checks ran once and nothing the order
/// needs is missing; <see cref="OrderService.PlaceAsync(PlaceOrderCommand, CancellationToken)"/> takes it as it is.
/// </summary>
public sealed class PlaceOrderCommand
{
    // A class with an internal constructor, not a record: a public constructor or a `with` copy would make a command the
    // validator never saw.
    internal PlaceOrderCommand(Customer customer, IReadOnlyList<PlaceOrderLine> lines, string paymentToken, Address shippingAddress, string? idempotencyKey)
    {
        Customer = customer;
        Lines = lines;
        PaymentToken = paymentToken;
        ShippingAddress = shippingAddress;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>Who places the order.</summary>
    public Customer Customer { get; }

    /// <summary>The lines in the order given: 1 to <see cref="PlaceOrderValidator.MaxLines"/>, each of a different product.</summary>
    public IReadOnlyList<PlaceOrderLine> Lines { get; }

    /// <summary>The payment method token; never logged or returned by the API.</summary>
    public string PaymentToken { get; }

    /// <summary>Where to ship.</summary>
    public Address ShippingAddress { get; }

    /// <summary>The request's <c>Idempotency-Key</c>, or null when it has none. Not part of <see cref="Idempotency.RequestFingerprint"/>.</summary>
    public string? IdempotencyKey { get; }
}
