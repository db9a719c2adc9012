using System.Text.Encodings.Web;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api.Resources;

namespace OrderProcessing.Functions.Api.Export;

/// <summary>
/// Writes a customer's history, as Core pages it (newest first, one page at a time), straight into a bounded body: the
/// working memory is one page and the output, and an output that would not fit one API response stops the export with
/// <see cref="ExportTooLargeException"/> instead of growing.
/// </summary>
internal static class OrderHistoryExport
{
    public static async Task<ReadOnlyMemory<byte>> WriteAsync(IAsyncEnumerable<Order> history, ExportFormat format, long maxEscapedBytes, CancellationToken cancellationToken)
    {
        var body = new BoundedProxyBody(maxEscapedBytes);
        if (format == ExportFormat.Csv)
        {
            using var csv = OrderCsvRows.Create(body);
            OrderCsvRows.WriteHeader(csv);
            await foreach (var order in history.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                OrderCsvRows.Write(csv, order);
            }

            csv.Flush();
        }
        else
        {
            await using var json = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = ApiJsonContext.Responses.Options.Encoder ?? JavaScriptEncoder.Default });
            json.WriteStartArray();
            await foreach (var order in history.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                JsonSerializer.Serialize(json, ResourceMapper.ToExport(order), ApiJsonContext.Responses.OrderExportResource);

                // Hand each order to the body as it is written, so the limit is checked as the export grows.
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        return body.Written;
    }
}
