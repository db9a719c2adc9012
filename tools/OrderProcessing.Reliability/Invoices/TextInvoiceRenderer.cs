using System.Globalization;
using System.Text;
using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Reliability.Invoices;

/// <summary>
/// A stand-in renderer until Core's PDF renderer is available: the same invoice always gives the same bytes, which is
/// all the pipeline's redelivery safety relies on.
/// </summary>
internal sealed class TextInvoiceRenderer : IInvoiceRenderer
{
    public byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{invoice.InvoiceNumber}\n{invoice.OrderId}\n{invoice.IssuedAt:O}\n")
            .Append(CultureInfo.InvariantCulture, $"{invoice.Total}\n{invoice.TrackingNumber}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
