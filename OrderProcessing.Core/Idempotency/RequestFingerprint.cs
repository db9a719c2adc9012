using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Idempotency;

/// <summary>A stable hash of an order request's meaning (not its JSON formatting), to tell a replay from a different request.</summary>
public static class RequestFingerprint
{
    /// <summary>Hex SHA-256 over every field in a fixed order, length-prefixed so no two requests collide by concatenation.</summary>
    public static string Compute(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value is null ? "-1:" : string.Create(CultureInfo.InvariantCulture, $"{value.Length}:{value}")).Append('|');
        Field(request.CustomerId);
        Field(request.CustomerEmail);
        Field(request.CustomerName);
        Field(request.PaymentToken);
        foreach (var item in request.Items ?? [])
        {
            Field(item?.ProductId);
            Field(item?.Quantity?.ToString(CultureInfo.InvariantCulture));
        }

        var a = request.ShippingAddress;
        Field(a?.Line1);
        Field(a?.Line2);
        Field(a?.City);
        Field(a?.Region);
        Field(a?.PostalCode);
        Field(a?.Country);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
