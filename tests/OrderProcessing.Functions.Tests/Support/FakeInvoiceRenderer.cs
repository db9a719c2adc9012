using System.Text;
using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>Stands in for Core's PDF renderer: deterministic bytes that start like a PDF and name the invoice.</summary>
internal sealed class FakeInvoiceRenderer : IInvoiceRenderer
{
    public byte[] Render(Invoice invoice) =>
        Encoding.ASCII.GetBytes($"%PDF-1.4\n% {invoice.InvoiceNumber} total {invoice.Total}\n%%EOF\n");
}
