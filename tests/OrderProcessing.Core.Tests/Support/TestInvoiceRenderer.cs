using System.Globalization;
using System.Text;
using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>
/// Stands in for the PDF renderer in pipeline tests: a deterministic text rendering of the invoice, and a count of
/// renderings so tests can tell how often the stage rendered.
/// </summary>
public sealed class TestInvoiceRenderer : IInvoiceRenderer
{
    private int _renderings;

    public int Renderings => Volatile.Read(ref _renderings);

    public byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        Interlocked.Increment(ref _renderings);
        return Encoding.UTF8.GetBytes(Text(invoice));
    }

    /// <summary>What <see cref="Render"/> returns for <paramref name="invoice"/>, as text.</summary>
    public static string Text(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{invoice.InvoiceNumber} {invoice.OrderId} {invoice.IssuedAt:O} {invoice.CustomerName} {invoice.Total} {invoice.TrackingNumber}");
    }
}
