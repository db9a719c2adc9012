using System.Security.Cryptography;

namespace OrderProcessing.Core.Common;

/// <summary>
/// Order ids of the form <c>ord_</c> + a 26-character ULID (48-bit millisecond time, 80 random bits, Crockford base32):
/// unique without coordination and sortable by creation time.
/// </summary>
public sealed class UlidIdGenerator(TimeProvider clock) : IIdGenerator
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <inheritdoc />
    public string NewOrderId()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        UInt128 value = (ulong)clock.GetUtcNow().ToUnixTimeMilliseconds() & 0xFFFF_FFFF_FFFF;
        foreach (var b in random)
        {
            value = (value << 8) | b;
        }

        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return "ord_" + new string(chars);
    }
}
