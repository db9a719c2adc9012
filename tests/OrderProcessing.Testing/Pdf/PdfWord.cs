namespace OrderProcessing.Testing.Pdf;

/// <summary>A word as poppler extracts it: its page (from 1), its text and its box in points from the top-left corner.</summary>
public sealed record PdfWord(int Page, string Text, double XMin, double YMin, double XMax, double YMax);
