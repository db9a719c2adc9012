using System.Runtime.CompilerServices;

namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// Argument checks shared by the PDF types. A NaN or an infinity written into a content stream would make the whole
/// file unreadable, so bad numbers are rejected where they enter, naming the argument.
/// </summary>
internal static class PdfGuard
{
    /// <summary>Coordinates must be finite; they may lie off the page (viewers clip).</summary>
    public static void Coordinate(double value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "A coordinate must be a finite number of points.");
        }
    }

    /// <summary>Font sizes must be positive and finite.</summary>
    public static void Size(double size, [CallerArgumentExpression(nameof(size))] string? name = null)
    {
        if (!double.IsFinite(size) || size <= 0)
        {
            throw new ArgumentOutOfRangeException(name, size, "A font size must be a positive finite number of points.");
        }
    }

    /// <summary>Lengths (widths, heights, line thicknesses) must be finite and not negative.</summary>
    public static void Length(double length, [CallerArgumentExpression(nameof(length))] string? name = null)
    {
        if (!double.IsFinite(length) || length < 0)
        {
            throw new ArgumentOutOfRangeException(name, length, "A length must be a finite, non-negative number of points.");
        }
    }

    /// <summary>A room to fit text in: not negative; infinity means unlimited.</summary>
    public static void MaxWidth(double maxWidth, [CallerArgumentExpression(nameof(maxWidth))] string? name = null)
    {
        if (double.IsNaN(maxWidth) || maxWidth < 0)
        {
            throw new ArgumentOutOfRangeException(name, maxWidth, "A maximum width must be a non-negative number of points (or infinity for no limit).");
        }
    }

    /// <summary>Gray levels run from 0 (black) to 1 (white).</summary>
    public static void Gray(double gray, [CallerArgumentExpression(nameof(gray))] string? name = null)
    {
        if (!(gray is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(name, gray, "A gray level must be between 0 (black) and 1 (white).");
        }
    }
}
