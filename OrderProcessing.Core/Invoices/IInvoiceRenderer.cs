namespace OrderProcessing.Core.Invoices;

/// <summary>Turns an invoice into a document. A port so a team can brand its own.</summary>
public interface IInvoiceRenderer
{
    /// <summary>The document bytes (a PDF for the built-in renderer).</summary>
    byte[] Render(Invoice invoice);
}
