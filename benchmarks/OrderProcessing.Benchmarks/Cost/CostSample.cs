namespace OrderProcessing.Benchmarks.Cost;

/// <summary>Per-order usage of every function over a sample of whole orders, the input of <see cref="CostModel"/>.</summary>
/// <param name="Orders">Orders sampled (each placed through the API and carried to COMPLETED by the stages).</param>
/// <param name="Functions">Usage by function.</param>
/// <param name="ProductItemBytes">Size of a product item at the end (its stock ledger grows with recent orders).</param>
/// <param name="OrderItemBytes">Size of a completed order item.</param>
/// <param name="InvoiceBytes">Size of an invoice PDF.</param>
/// <param name="OrderEventsPerOrder">Order events the stream pipe forwards to the topic per order (the creation and each stage's move).</param>
/// <param name="Mail">Customer e-mail sent through SES per order (null in samples taken before notify-customer existed).</param>
public sealed record CostSample(int Orders, IReadOnlyList<FunctionUsage> Functions, long ProductItemBytes, long OrderItemBytes, long InvoiceBytes, double OrderEventsPerOrder = 0, MailUsage? Mail = null);
