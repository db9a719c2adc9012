namespace OrderProcessing.Functions.Sweeping;

/// <summary>The body of the local host's <c>GET /_local/orders/stuck</c>, read by the operator tool: the stuck orders, the longest-waiting first.</summary>
/// <param name="Items">The orders.</param>
public sealed record StuckOrderList(IReadOnlyList<StuckOrderView> Items);
