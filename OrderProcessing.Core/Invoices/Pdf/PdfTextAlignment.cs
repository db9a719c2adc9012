namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>Which point of a line of text the x coordinate given to <see cref="PdfPage.DrawText"/> names.</summary>
public enum PdfTextAlignment
{
    /// <summary>x is where the text starts.</summary>
    Left,

    /// <summary>x is the middle of the text.</summary>
    Center,

    /// <summary>x is where the text ends, so a column of numbers lines up on its last digit.</summary>
    Right,
}
