namespace OrderProcessing.Core.Invoices;

/// <summary>Where an order's invoice lives in a store.</summary>
public static class InvoiceKeys
{
    /// <summary>The key under a prefix: <c>invoices/{orderId}.pdf</c>.</summary>
    public static string For(string orderId, string prefix = "invoices/") => $"{prefix}{orderId}.pdf";
}
