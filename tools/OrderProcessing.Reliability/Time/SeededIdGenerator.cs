using OrderProcessing.Core.Common;

namespace OrderProcessing.Reliability.Time;

/// <summary>Order ids in the production format (<c>ord_</c> and 26 Crockford base32 characters) from a seed, so a seed replays the same ids.</summary>
internal sealed class SeededIdGenerator(int seed) : IIdGenerator
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private long _sequence;

    public string NewOrderId()
    {
        Span<char> chars = stackalloc char[26];
        lock (_gate)
        {
            // A sequence prefix keeps ids unique and time-ordered; the random tail makes them look like production ids.
            var sequence = ++_sequence;
            for (var i = 9; i >= 0; i--)
            {
                chars[i] = Alphabet[(int)(sequence & 31)];
                sequence >>= 5;
            }

            for (var i = 10; i < 26; i++)
            {
                chars[i] = Alphabet[_random.Next(32)];
            }
        }

        return "ord_" + new string(chars);
    }
}
