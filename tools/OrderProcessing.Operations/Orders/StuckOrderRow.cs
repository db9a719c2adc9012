namespace OrderProcessing.Operations.Orders;

/// <summary>A stuck (or nudged) order as the tool prints it.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="Status">The status it sits in (wire name).</param>
/// <param name="Version">Its version.</param>
/// <param name="EnteredAt">When it entered the status.</param>
/// <param name="Nudges">Nudges in this status and version so far.</param>
public sealed record StuckOrderRow(string OrderId, string Status, long Version, DateTimeOffset EnteredAt, int Nudges);
