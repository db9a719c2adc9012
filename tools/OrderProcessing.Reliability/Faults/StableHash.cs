namespace OrderProcessing.Reliability.Faults;

/// <summary>
/// A seeded 64-bit hash (FNV-1a, then a SplitMix64 finaliser) turning a fault point's name into a number in [0, 1).
/// Decisions then depend only on the seed and the point, not on thread scheduling or the order of deliveries.
/// </summary>
internal static class StableHash
{
    /// <summary>A uniform value in [0, 1) for <paramref name="seed"/> and the parts.</summary>
    public static double Unit(int seed, params ReadOnlySpan<string> parts)
    {
        var h = 14695981039346656037UL ^ (ulong)(uint)seed;
        foreach (var part in parts)
        {
            foreach (var c in part)
            {
                h = (h ^ c) * 1099511628211UL;
            }

            h = (h ^ 0x1F) * 1099511628211UL;
        }

        h ^= h >> 30;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 27;
        h *= 0x94D049BB133111EBUL;
        h ^= h >> 31;
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
