namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>The size of a page in points (1/72 inch), portrait.</summary>
public readonly record struct PdfPageSize
{
    /// <summary>A page of the given size.</summary>
    /// <param name="width">Width in points; positive.</param>
    /// <param name="height">Height in points; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not a positive finite number.</exception>
    public PdfPageSize(double width, double height)
    {
        if (!double.IsFinite(width) || width <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "A page width must be a positive finite number of points.");
        }

        if (!double.IsFinite(height) || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, "A page height must be a positive finite number of points.");
        }

        Width = width;
        Height = height;
    }

    /// <summary>ISO A4, 210 mm × 297 mm: the default.</summary>
    public static PdfPageSize A4 { get; } = new(595.28, 841.89);

    /// <summary>US Letter, 8.5 in × 11 in.</summary>
    public static PdfPageSize Letter { get; } = new(612, 792);

    /// <summary>Width in points.</summary>
    public double Width { get; }

    /// <summary>Height in points.</summary>
    public double Height { get; }
}
