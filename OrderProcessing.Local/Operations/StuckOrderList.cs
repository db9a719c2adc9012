namespace OrderProcessing.Local.Operations;

/// <summary>The body of <c>GET /_local/orders/stuck</c>: the stuck orders, the longest-waiting first.</summary>
/// <param name="Items">The orders.</param>
public sealed record StuckOrderList(IReadOnlyList<StuckOrderView> Items);
