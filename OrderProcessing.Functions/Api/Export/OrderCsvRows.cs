using System.Globalization;
using System.Text;
using CsvHelper;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api.Resources;

namespace OrderProcessing.Functions.Api.Export;

/// <summary>
/// The CSV of a history export: the header row and one record per order, written field by field with CsvHelper (RFC
/// 4180 quoting, CRLF; no reflection, so the Native AOT build stays warning-free). A field that a spreadsheet would run
/// as a formula gets a leading apostrophe (CSV injection), which also quotes it.
/// </summary>
internal static class OrderCsvRows
{
    /// <summary>The columns, in order.</summary>
    public static IReadOnlyList<string> Header { get; } = ["orderId", "createdAt", "status", "currency", "total", "items", "trackingNumber"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static CsvWriter Create(Stream destination) => CsvWriter.Create(destination, Options, leaveOpen: true);

    public static void WriteHeader(CsvWriter csv)
    {
        foreach (var column in Header)
        {
            csv.WriteField(column);
        }

        csv.EndRecord();
    }

    public static void Write(CsvWriter csv, Order order)
    {
        csv.WriteField(order.OrderId);
        csv.WriteField(order.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        csv.WriteField(order.Status.ToWire());
        csv.WriteField(order.Currency.Code);
        csv.WriteField(ResourceMapper.Total(order).ToString(CultureInfo.InvariantCulture));
        csv.WriteField(Items(order));
        csv.WriteField(order.TrackingNumber);
        csv.EndRecord();
    }

    /// <summary>The lines as one readable field: <c>SKU-1 x2; SKU-2 x1</c>.</summary>
    public static string Items(Order order)
    {
        var text = new StringBuilder();
        foreach (var line in order.Lines)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(line.ProductId).Append(" x").Append(line.Quantity.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
