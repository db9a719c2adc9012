namespace OrderProcessing.DevTools.Reporting;

/// <summary>How a markdown table aligns its columns.</summary>
public enum ColumnAlignment
{
    /// <summary>Every column left-aligned (text).</summary>
    Left,

    /// <summary>The first column left-aligned, the others right-aligned (a label, then numbers).</summary>
    NumbersRight,
}
