namespace OrderProcessing.Functions.Api.Export;

/// <summary>The formats of a history export, chosen by <c>?format=</c>.</summary>
internal enum ExportFormat
{
    /// <summary><c>csv</c> (the default): RFC 4180, a header row, one order per record.</summary>
    Csv,

    /// <summary><c>json</c>: one JSON array of orders.</summary>
    Json,
}
