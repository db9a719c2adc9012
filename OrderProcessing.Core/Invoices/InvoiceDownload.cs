namespace OrderProcessing.Core.Invoices;

/// <summary>An invoice ready to hand out: either a time-limited link or the bytes themselves.</summary>
public sealed record InvoiceDownload(Uri? Link, byte[]? Content);
