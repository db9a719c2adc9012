namespace OrderProcessing.Core.Tests.Support;

/// <summary>
/// An oracle for half-to-even rounding written from its definition (nearest multiple of the minor unit; on a tie, the
/// even one), independent of <see cref="Math.Round(decimal, int, MidpointRounding)"/> which the code under test uses.
/// </summary>
public static class HalfEven
{
    public static decimal Round(decimal value, int digits)
    {
        var unit = Pow10(digits);
        var scaled = value * unit;
        var below = decimal.Floor(scaled);
        var fraction = scaled - below;
        var rounded = fraction > 0.5m ? below + 1
            : fraction < 0.5m ? below
            : decimal.Remainder(below, 2) == 0 ? below : below + 1;
        return rounded / unit;
    }

    /// <summary>True when <paramref name="value"/> is a whole number of minor units.</summary>
    public static bool IsWholeMinorUnits(decimal value, int digits)
    {
        var scaled = value * Pow10(digits);
        return scaled == decimal.Truncate(scaled);
    }

    public static decimal Pow10(int digits)
    {
        var result = 1m;
        for (var i = 0; i < digits; i++)
        {
            result *= 10;
        }

        return result;
    }
}
