using System.Security.Cryptography;
using System.Text;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Shipping;

/// <summary>A carrier whose tracking number is derived from the order id, so a repeated shipment request gets the same number.</summary>
public sealed class SimulatedCarrier : IShippingCarrier
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <inheritdoc />
    public Task<string> CreateShipmentAsync(Order order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        return Task.FromResult(TrackingNumberFor(order.OrderId));
    }

    /// <summary>The tracking number of an order: <c>OP</c> and 16 base32 characters of a hash of its id.</summary>
    public static string TrackingNumberFor(string orderId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(orderId));
        var chars = new char[16];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[hash[i] & 31];
        }

        return "OP" + new string(chars);
    }
}
