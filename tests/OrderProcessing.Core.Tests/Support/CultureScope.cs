using System.Globalization;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>
/// Runs the rest of a test under a host culture that formats numbers unlike the invariant culture. The build sets
/// InvariantGlobalization, so no named culture (de-DE) is available; a copy of the invariant culture with German
/// separators behaves the same for number formatting.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(CultureInfo culture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>Decimal comma, point as group separator (<c>10.000,00</c>), as on a German host.</summary>
    public static CultureScope GermanNumbers()
    {
        var culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        culture.NumberFormat.NumberDecimalSeparator = ",";
        culture.NumberFormat.NumberGroupSeparator = ".";
        culture.NumberFormat.CurrencyDecimalSeparator = ",";
        culture.NumberFormat.CurrencyGroupSeparator = ".";
        culture.NumberFormat.PercentDecimalSeparator = ",";
        return new CultureScope(culture);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
