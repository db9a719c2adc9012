using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>Core's PDF renderer, counting its renderings so tests can tell how often a stage rendered.</summary>
public sealed class CountingInvoiceRenderer : IInvoiceRenderer
{
    private readonly PdfInvoiceRenderer _pdf = new();
    private int _renderings;

    public int Renderings => Volatile.Read(ref _renderings);

    public byte[] Render(Invoice invoice)
    {
        Interlocked.Increment(ref _renderings);
        return _pdf.Render(invoice);
    }
}
