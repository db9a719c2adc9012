using System.Text;
using OrderProcessing.Functions.Tests.Support;

namespace OrderProcessing.Functions.Tests.Api;

public sealed class InvoiceTests
{
    [Test]
    public async Task Invoice_Is404UntilTheOrderCompletes_ThenThePdf()
    {
        var system = new TestSystem();
        await system.SeedProductAsync();
        var orderId = await system.PlaceOrderAsync();

        var before = await system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}/invoice"));
        await system.RunPipelineAsync(orderId);
        var after = await system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}/invoice"));

        Assert.That(before.Status, Is.EqualTo(404), before.ToString());
        Assert.That(after.Status, Is.EqualTo(200), after.ToString());
        Assert.That(after.Response.IsBase64Encoded, Is.True);
        Assert.That(after.Header("Content-Type"), Is.EqualTo("application/pdf"));
        var pdf = Convert.FromBase64String(after.Body);
        Assert.That(pdf, Is.EqualTo(await system.Ports.Invoices!.GetAsync(orderId)));
        Assert.That(Encoding.ASCII.GetString(pdf), Does.StartWith("%PDF-").And.Contain("%%EOF"));
    }

    [Test]
    public async Task Invoice_FromAStoreThatServesLinks_IsARedirectToTheTimeLimitedLink()
    {
        var store = new LinkingInvoiceStore();
        var system = new TestSystem(invoices: store);
        await system.SeedProductAsync();
        var orderId = await system.PlaceOrderAsync();
        await system.RunPipelineAsync(orderId);

        var result = await system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}/invoice"));

        Assert.That(result.Status, Is.EqualTo(303), result.ToString());
        Assert.That(result.Header("Location"), Does.StartWith($"https://invoices.example.test/{orderId}.pdf"));
        Assert.That(store.LastLifetime, Is.EqualTo(TimeSpan.FromMinutes(5)));
        Assert.That(result.Header("Cache-Control"), Is.EqualTo("no-store"));
    }

    [Test]
    public async Task Invoice_OfAnUnknownOrder_Is404()
    {
        var system = new TestSystem();

        var result = await system.SendAsync(ApiEventBuilder.Get("/orders/ord_missing/invoice"));

        Assert.That(result.Status, Is.EqualTo(404));
    }
}
