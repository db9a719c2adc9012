using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Idempotency;

/// <summary>A stable hash of an order request's meaning (not its JSON formatting), to tell a replay from a different request.</summary>
public static class RequestFingerprint
{
    /// <summary>
    /// Hex SHA-256 over every field of the body in a fixed order, length-prefixed so no two requests collide by
    /// concatenation. The <c>Idempotency-Key</c> is not part of it.
    /// </summary>
    public static string Compute(PlaceOrderCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);

        // The text and its field order are what stored idempotency records were hashed from; changing either would make
        // a replay of a claimed key look like a different request.
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value is null ? "-1:" : string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}")).Append('|');
        Field(command.Customer.CustomerId);
        Field(command.Customer.Email);
        Field(command.Customer.Name);
        Field(command.PaymentToken);
        foreach (var line in command.Lines)
        {
            Field(line.ProductId);
            Field(line.Quantity.ToString(CultureInfo.InvariantCulture));
        }

        var a = command.ShippingAddress;
        Field(a.Line1);
        Field(a.Line2);
        Field(a.City);
        Field(a.Region);
        Field(a.PostalCode);
        Field(a.Country);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// The fingerprint of a request body: <see cref="Compute(PlaceOrderCommand)"/> of the command
    /// <see cref="PlaceOrderValidator.Validate"/> makes of it. A request that breaks a rule is never placed, so it has no
    /// fingerprint: <see cref="Common.ValidationException"/>.
    /// </summary>
    public static string Compute(PlaceOrderRequest request) => Compute(PlaceOrderValidator.Validate(request));
}
