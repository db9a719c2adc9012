using System.Text;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pricing;
using OrderProcessing.Functions.Api.Export;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Topology.Events;

namespace OrderProcessing.Functions.Tests.Export;

/// <summary>The history export: its CSV and JSON, the order of its rows across index pages, its size limit and its memory.</summary>
public sealed class OrderExportTests
{
    private const string Customer = "c-export";

    [Test]
    public async Task CsvExport_HasTheHeaderAndOneRecordPerOrder_AsAnAttachment()
    {
        var system = new TestSystem();
        await AddOrdersAsync(system, 2);

        var result = await system.SendAsync(ApiEventBuilder.Get($"/customers/{Customer}/orders/export").Query("format", "csv"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Header("Content-Type"), Does.StartWith("text/csv"));
        Assert.That(result.Header("Content-Disposition"), Is.EqualTo($"attachment; filename=\"orders-{Customer}.csv\""));
        var lines = result.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("orderId,createdAt,status,currency,total,items,trackingNumber"));
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[2], Does.Match(@"^ord-0001,\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z,PENDING,USD,29\.97,sku-1 x2; sku-2 x1,$"));
    }

    [Test]
    public async Task CsvField_WithCommasQuotesAndNewlines_IsQuotedAsRfc4180Says()
    {
        var order = Order.Place(
            "ord-1",
            new Customer(Customer, "e@example.com", "E"),
            [new OrderLine("a,\"b\"\nc", "Odd", 1, new Money(1m, Currency.Usd)), new OrderLine("=cmd", "Formula", 2, new Money(1m, Currency.Usd))],
            new Address("1 Main St", null, "Springfield", null, "12345", "US"),
            "tok_visa",
            DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture));

        var body = await OrderHistoryExport.WriteAsync(Of(order), ExportFormat.Csv, BoundedProxyBody.ProxyLimit, CancellationToken.None);

        var record = Encoding.UTF8.GetString(body.Span).Split("\r\n")[1..^1];
        Assert.That(string.Join("\r\n", record), Is.EqualTo("ord-1,2026-01-02T03:04:05.0000000Z,PENDING,USD,3.00,\"a,\"\"b\"\"\nc x1; =cmd x2\","));
    }

    [Test]
    public void CsvInjection_FieldStartingLikeAFormula_GetsAnApostrophe()
    {
        using var stream = new MemoryStream();
        using (var csv = OrderCsvRows.Create(stream))
        {
            csv.WriteField("=HYPERLINK(\"x\")");
            csv.EndRecord();
        }

        Assert.That(Encoding.UTF8.GetString(stream.ToArray()), Is.EqualTo("\"'=HYPERLINK(\"\"x\"\")\"\r\n"));
    }

    [Test]
    public async Task JsonExport_IsAnArrayOfOrders_WithTheCsvsFields()
    {
        var system = new TestSystem();
        await AddOrdersAsync(system, 2);

        var result = await system.SendAsync(ApiEventBuilder.Get($"/customers/{Customer}/orders/export").Query("format", "json"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Header("Content-Disposition"), Is.EqualTo($"attachment; filename=\"orders-{Customer}.json\""));
        var first = result.Json[1];
        Assert.That(result.Json.GetArrayLength(), Is.EqualTo(2));
        Assert.That(first.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "orderId", "createdAt", "status", "currency", "total", "items", "trackingNumber" }));
        Assert.That(first.GetProperty("total").GetRawText(), Is.EqualTo("29.97"));
        Assert.That(first.GetProperty("items")[0].GetProperty("productId").GetString(), Is.EqualTo("sku-1"));
        Assert.That(first.GetProperty("items")[0].GetProperty("quantity").GetInt32(), Is.EqualTo(2));
    }

    [TestCase("csv")]
    [TestCase("json")]
    public async Task Export_AcrossSeveralIndexPages_IsTheWholeHistoryNewestFirst(string format)
    {
        var system = new TestSystem();
        var placed = await AddOrdersAsync(system, 250);
        await AddOrdersAsync(system, 3, customer: "c-someone-else", firstNumber: 1000);

        var result = await system.SendAsync(ApiEventBuilder.Get($"/customers/{Customer}/orders/export").Query("format", format));

        var ids = format == "csv"
            ? result.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList()
            : result.Json.EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!).ToList();
        Assert.That(ids, Is.EqualTo(placed.AsEnumerable().Reverse().ToList()));
    }

    [Test]
    public async Task Export_WithAnUnknownFormat_Is400NamingTheParameter()
    {
        var system = new TestSystem();

        var result = await system.SendAsync(ApiEventBuilder.Get($"/customers/{Customer}/orders/export").Query("format", "xlsx"));

        Assert.That(result.Status, Is.EqualTo(400));
        Assert.That(result.ErrorFields, Is.EqualTo(new[] { "format" }));
    }

    [Test]
    public async Task Export_ThatWouldOutgrowOneResponse_StopsWithExportTooLarge()
    {
        var orders = Enumerable.Range(1, 100).Select(i => NewOrder(i, Customer, DateTimeOffset.UnixEpoch.AddMinutes(i)));

        var e = Assert.ThrowsAsync<ExportTooLargeException>(() => OrderHistoryExport.WriteAsync(Of([.. orders]), ExportFormat.Csv, 2_000, CancellationToken.None));

        Assert.That(e!.MaxEscapedBytes, Is.EqualTo(2_000));
        await Task.CompletedTask;
    }

    [TestCase("plain ascii text, numbers 12.50")]
    [TestCase("quotes \" and \\ and <tags> & 'apostrophes' + `ticks`\r\n\t")]
    [TestCase("Café, Straße, 東京, emoji 🎉")]
    public void EscapedSize_IsAtLeastWhatTheProxyResponseWriterWrites(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        using var written = new MemoryStream();
        using (var writer = new Utf8JsonWriter(written))
        {
            writer.WriteStringValue(utf8);
        }

        var actual = written.Length - 2; // without the string's quotes
        Assert.That(BoundedProxyBody.EscapedSize(utf8), Is.GreaterThanOrEqualTo(actual).And.LessThanOrEqualTo(actual * 2));
    }

    /// <summary>
    /// The export's allocations per order at 500 and at 5,000 orders: the same per order means the work is linear, each page
    /// is dropped after it is written, and the output (bounded by the proxy limit) is the only thing that grows.
    /// </summary>
    [Test]
    public async Task ExportOf5000Orders_AllocatesPerOrderNoMoreThanAnExportOf500()
    {
        var small = await MeasureAsync(500);
        var large = await MeasureAsync(5_000);

        TestContext.Out.WriteLine($"500 orders: {small.Allocated} bytes allocated, body {small.Body} bytes; 5000 orders: {large.Allocated} bytes allocated, body {large.Body} bytes");
        TestContext.Out.WriteLine($"per order: {small.Allocated / 500} and {large.Allocated / 5_000} bytes");
        Assert.That(large.Allocated / 5_000.0, Is.LessThanOrEqualTo(small.Allocated / 500.0 * 1.25));
        Assert.That(large.Status, Is.EqualTo(200));
    }

    private static async Task<(long Allocated, int Body, int Status)> MeasureAsync(int count)
    {
        var system = new TestSystem();
        await AddOrdersAsync(system, count);
        var request = JsonSerializer.Deserialize(ApiEventBuilder.Get($"/customers/{Customer}/orders/export").Build(), AwsEventJsonContext.Default.ApiGatewayProxyRequest)!;
        await system.Api.RespondAsync(request); // warm: code paths, pools and caches

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var response = await system.Api.RespondAsync(request);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        return (allocated, Encoding.UTF8.GetByteCount(response.Body.ToString()), response.StatusCode);
    }

    private static async Task<List<string>> AddOrdersAsync(TestSystem system, int count, string customer = Customer, int firstNumber = 1)
    {
        var ids = new List<string>(count);
        for (var i = firstNumber; i < firstNumber + count; i++)
        {
            var order = NewOrder(i, customer, system.Clock.GetUtcNow());
            await system.Ports.Orders!.AddAsync(order);
            ids.Add(order.OrderId);
            system.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        return ids;
    }

    private static Order NewOrder(int number, string customer, DateTimeOffset at) => Order.Place(
        $"ord-{number:D4}",
        new Customer(customer, "e@example.com", "E"),
        [new OrderLine("sku-1", "Widget", 2, new Money(9.99m, Currency.Usd)), new OrderLine("sku-2", "Gadget", 1, new Money(9.99m, Currency.Usd))],
        new Address("1 Main St", null, "Springfield", null, "12345", "US"),
        "tok_visa",
        at);

    private static async IAsyncEnumerable<Order> Of(params Order[] orders)
    {
        foreach (var order in orders)
        {
            yield return order;
        }

        await Task.CompletedTask;
    }
}
