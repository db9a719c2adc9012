using System.Globalization;
using OrderProcessing.Core.Invoices.Pdf;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Invoices;

/// <summary>
/// Renders an invoice as an A4 PDF with the standard Helvetica fonts: seller and customer blocks, a line table whose
/// heading repeats on every page, the total, and page numbers. The same invoice always gives the same bytes.
/// </summary>
public sealed class PdfInvoiceRenderer : IInvoiceRenderer
{
    private const double Left = 56;
    private const double Right = 539.28;
    private const double QuantityRight = 360;
    private const double UnitPriceRight = 450;
    private const double ItemWidth = 200;
    private const double ProductIdLeft = Left + 4 + ItemWidth + 8;
    private const double NumberLeft = Left + 50;

    /// <inheritdoc />
    public byte[] Render(Invoice invoice)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var document = new PdfDocumentBuilder($"Invoice {invoice.InvoiceNumber}", invoice.IssuedAt);
        var flow = new PdfPageFlow(document, topMargin: 56, bottomMargin: 64, pageStarted: f =>
        {
            // The first page opens with the header, then the heading; later pages repeat the heading at the top.
            if (f.Page.Number > 1)
            {
                TableHeading(f, invoice);
            }
        });
        DrawHeader(flow, invoice);
        TableHeading(flow, null);
        foreach (var line in invoice.Lines)
        {
            var top = flow.Reserve(16);
            var baseline = top + 11;
            flow.Page.DrawText(line.Name, Left + 4, baseline, PdfFont.Helvetica, 9, maxWidth: ItemWidth);
            flow.Page.DrawText(line.ProductId, ProductIdLeft, baseline, PdfFont.Helvetica, 7, maxWidth: QuantityRight - 30 - ProductIdLeft, gray: 0.4);
            flow.Page.DrawText(line.Quantity.ToString(CultureInfo.InvariantCulture), QuantityRight, baseline, PdfFont.Helvetica, 9, PdfTextAlignment.Right);
            flow.Page.DrawText(Format(line.UnitPrice), UnitPriceRight, baseline, PdfFont.Helvetica, 9, PdfTextAlignment.Right);
            flow.Page.DrawText(Format(line.LineTotal), Right - 4, baseline, PdfFont.Helvetica, 9, PdfTextAlignment.Right);
            flow.Page.DrawLine(Left, top + 16, Right, top + 16, 0.25, 0.75);
        }

        var totalTop = flow.Reserve(28);
        flow.Page.DrawLine(UnitPriceRight - 80, totalTop + 4, Right, totalTop + 4, 1);
        flow.Page.DrawText("Total", UnitPriceRight, totalTop + 20, PdfFont.HelveticaBold, 11, PdfTextAlignment.Right);
        flow.Page.DrawText(Format(invoice.Total), Right - 4, totalTop + 20, PdfFont.HelveticaBold, 11, PdfTextAlignment.Right);

        foreach (var page in document.Pages)
        {
            page.DrawText(string.Create(CultureInfo.InvariantCulture, $"{invoice.InvoiceNumber} - page {page.Number} of {document.Pages.Count}"), page.Width / 2, page.Height - 32, PdfFont.Helvetica, 8, PdfTextAlignment.Center, gray: 0.4);
        }

        return document.Build();
    }

    private static void DrawHeader(PdfPageFlow flow, Invoice invoice)
    {
        var top = flow.Reserve(40);
        var page = flow.Page;
        page.DrawText(invoice.SellerName, Left, top + 20, PdfFont.HelveticaBold, 18, maxWidth: 300);
        page.DrawText("INVOICE", Right, top + 20, PdfFont.HelveticaBold, 18, PdfTextAlignment.Right, gray: 0.3);

        // The invoice and order numbers are what a customer quotes to us, so each gets a full-width row of its own and is
        // never cut; the narrow details column beside the address keeps only the short values.
        foreach (var (label, value) in new[] { ("Invoice", invoice.InvoiceNumber), ("Order", invoice.OrderId) })
        {
            var numberTop = flow.Reserve(14);
            flow.Page.DrawText(label, Left, numberTop + 10, PdfFont.Helvetica, 9, gray: 0.4);
            flow.Page.DrawText(value, NumberLeft, numberTop + 10, PdfFont.HelveticaBold, 10, maxWidth: Right - NumberLeft);
        }

        flow.Reserve(8);
        var details = new (string Label, string Value)[]
        {
            ("Date", invoice.IssuedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("Tracking", invoice.TrackingNumber ?? "-"),
        };
        var address = invoice.ShippingAddress;
        var billTo = new List<string> { invoice.CustomerName, invoice.CustomerEmail, address.Line1 };
        if (!string.IsNullOrWhiteSpace(address.Line2))
        {
            billTo.Add(address.Line2);
        }

        billTo.Add(string.Join(" ", new[] { address.PostalCode, address.City, address.Region }.Where(s => !string.IsNullOrWhiteSpace(s))));
        billTo.Add(address.Country);

        var blockTop = flow.Reserve(16);
        flow.Page.DrawText("Bill and ship to", Left, blockTop + 11, PdfFont.HelveticaBold, 9, gray: 0.4);
        var rows = Math.Max(billTo.Count, details.Length);
        for (var i = 0; i < rows; i++)
        {
            var rowTop = flow.Reserve(13);
            var baseline = rowTop + 10;
            if (i < billTo.Count)
            {
                flow.Page.DrawText(billTo[i], Left, baseline, i == 0 ? PdfFont.HelveticaBold : PdfFont.Helvetica, 10, maxWidth: 260);
            }

            if (i < details.Length)
            {
                flow.Page.DrawText(details[i].Label, 340, baseline, PdfFont.Helvetica, 9, gray: 0.4);
                flow.Page.DrawText(details[i].Value, Right, baseline, PdfFont.Helvetica, 9, PdfTextAlignment.Right, maxWidth: Right - 390);
            }
        }

        flow.Reserve(18);
    }

    // The line table's heading; on continuation pages it is preceded by the invoice number so a loose page is identifiable.
    private static void TableHeading(PdfPageFlow flow, Invoice? continued)
    {
        if (continued is not null)
        {
            var top = flow.Reserve(18);
            flow.Page.DrawText($"{continued.InvoiceNumber} (continued)", Left, top + 11, PdfFont.HelveticaBold, 10);
        }

        var headingTop = flow.Reserve(18);
        var page = flow.Page;
        page.FillRectangle(Left, headingTop, Right - Left, 18, 0.9);
        var baseline = headingTop + 12.5;
        page.DrawText("Item", Left + 4, baseline, PdfFont.HelveticaBold, 9);
        page.DrawText("Product", ProductIdLeft, baseline, PdfFont.HelveticaBold, 9);
        page.DrawText("Qty", QuantityRight, baseline, PdfFont.HelveticaBold, 9, PdfTextAlignment.Right);
        page.DrawText("Unit price", UnitPriceRight, baseline, PdfFont.HelveticaBold, 9, PdfTextAlignment.Right);
        page.DrawText("Amount", Right - 4, baseline, PdfFont.HelveticaBold, 9, PdfTextAlignment.Right);
    }

    private static string Format(Money money) => $"{money.FormatAmount()} {money.Currency.Code}";
}
