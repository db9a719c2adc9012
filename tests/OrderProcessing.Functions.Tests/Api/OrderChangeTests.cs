using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Functions.Topology;

namespace OrderProcessing.Functions.Tests.Api;

/// <summary>Operator moves, cancellation and deletion.</summary>
public sealed class OrderChangeTests
{
    private TestSystem _system = null!;

    [SetUp]
    public async Task SetUp()
    {
        _system = new TestSystem();
        await _system.SeedProductAsync("sku-1", 9.99m, stock: 10);
    }

    [Test]
    public async Task Patch_AlongAnAllowedTransition_Returns200WithTheMovedOrder()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", "{\"status\":\"RESERVED\"}"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Json.GetProperty("status").GetString(), Is.EqualTo("RESERVED"));
        Assert.That(result.Json.GetProperty("history").GetArrayLength(), Is.EqualTo(2));
    }

    [Test]
    public async Task Patch_AlongATransitionTheLifecycleForbids_Is409()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", "{\"status\":\"SHIPPED\"}"));

        Assert.That(result.Status, Is.EqualTo(409));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.InvalidTransition));
        Assert.That((await _system.OrderAsync(orderId)).Status, Is.EqualTo(OrderStatus.Pending));
    }

    [TestCase("{\"status\":\"shipped\"}", "must be one of", TestName = "Patch_WithALowerCaseStatus_Is400")]
    [TestCase("{\"status\":3}", "must be a string", TestName = "Patch_WithANumericStatus_Is400")]
    [TestCase("{}", "is required", TestName = "Patch_WithoutStatus_Is400")]
    public async Task PatchWithABadStatus(string body, string message)
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Patch($"/orders/{orderId}", body));

        Assert.That(result.Status, Is.EqualTo(400));
        Assert.That(result.ErrorsOf("status"), Has.Some.Contains(message));
    }

    [Test]
    public async Task Patch_OfAnUnknownOrder_Is404()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Patch("/orders/ord_missing", "{\"status\":\"RESERVED\"}"));

        Assert.That(result.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Cancel_APendingOrder_Returns200Cancelled()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));

        Assert.That(result.Status, Is.EqualTo(200), result.ToString());
        Assert.That(result.Json.GetProperty("status").GetString(), Is.EqualTo("CANCELLED"));
    }

    [Test]
    public async Task Cancel_WithAReason_RecordsIt()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel", "{\"reason\":\"changed my mind\"}"));

        Assert.That(result.Json.GetProperty("history")[1].GetProperty("reason").GetString(), Is.EqualTo("changed my mind"));
    }

    [Test]
    public async Task Cancel_WithABodyThatIsNotJson_Is415()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel").Header("Content-Type", "text/plain").Body("please"));

        Assert.That(result.Status, Is.EqualTo(415));
    }

    [Test]
    public async Task Cancel_OnceShipped_Is409()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.RunPipelineAsync(orderId);

        var result = await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));

        Assert.That(result.Status, Is.EqualTo(409), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.InvalidTransition));
    }

    [Test]
    public async Task Cancel_OfAnUnknownOrder_Is404()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Post("/orders/ord_missing/cancel"));

        Assert.That(result.Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Delete_AnOrderThatIsNotTerminal_Is409AndKeepsIt()
    {
        var orderId = await _system.PlaceOrderAsync();

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(409));
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.NotDeletable));
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Delete_ACompletedOrder_Is204_ThenItIsGone()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.RunPipelineAsync(orderId);

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(204), result.ToString());
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Delete_ARecentlyCancelledOrder_Is409StillSettling_WithRetryAfter()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));
        _system.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(409), result.ToString());
        Assert.That(result.Json.GetProperty("type").GetString(), Is.EqualTo(ProblemTypes.StillSettling));
        Assert.That(result.Header("Retry-After"), Is.EqualTo(((int)(SystemTopology.LongestStageMessageLifetime - TimeSpan.FromMinutes(1)).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public async Task Delete_ACancelledOrderOnceSettled_Is204_ThenItIsGone()
    {
        var orderId = await _system.PlaceOrderAsync();
        await _system.SendAsync(ApiEventBuilder.Post($"/orders/{orderId}/cancel"));
        _system.Clock.Advance(SystemTopology.LongestStageMessageLifetime);

        var result = await _system.SendAsync(ApiEventBuilder.Delete($"/orders/{orderId}"));

        Assert.That(result.Status, Is.EqualTo(204));
        Assert.That(result.Response.Body, Is.Empty);
        Assert.That((await _system.SendAsync(ApiEventBuilder.Get($"/orders/{orderId}"))).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Delete_OfAnUnknownOrder_Is404()
    {
        var result = await _system.SendAsync(ApiEventBuilder.Delete("/orders/ord_missing"));

        Assert.That(result.Status, Is.EqualTo(404));
    }
}
