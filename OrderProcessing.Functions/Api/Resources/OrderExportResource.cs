namespace OrderProcessing.Functions.Api.Resources;

/// <summary>
/// One order of a history export (<c>format=json</c>): the CSV's columns, with the items as objects. Slimmer than
/// <see cref="OrderResource"/> (no address, history or personal data) so a long history fits one API response.
/// </summary>
public sealed record OrderExportResource(
    string OrderId,
    DateTime CreatedAt,
    string Status,
    string Currency,
    decimal Total,
    IReadOnlyList<OrderExportItemResource> Items,
    string? TrackingNumber);
