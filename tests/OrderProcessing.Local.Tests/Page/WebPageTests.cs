using System.Text;
using Microsoft.Playwright;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Local.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OrderProcessing.Local.Tests.Page;

/// <summary>
/// The page at <c>/</c> in headless Chromium against the real host: placing an order and following it to COMPLETED,
/// a field error where it belongs, the order list, a phone-sized screen. Each state is saved as a screenshot under
/// TestResults/screenshots in the test output and attached to the test.
/// </summary>
[NonParallelizable]
public sealed class WebPageTests
{
    private const float StatusTimeoutMs = 30_000;
    private const string Product = "Café de Colombia, whole beans 1 kg";

    private LocalHostProcess _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // A short delivery delay so the page shows the order moving, as it would against AWS.
        _host = await TestHost.StartAsync("--delivery-delay-ms", "300");
        (_playwright, _browser) = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await TestContext.Out.WriteLineAsync(_host.Output);
        await _host.DisposeAsync();
    }

    [SetUp]
    public async Task OpenAsync()
    {
        _context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _host.BaseAddress.ToString(), AcceptDownloads = true, Locale = "en-US" });
        _page = await _context.NewPageAsync();
        await _page.GotoAsync("/");
        await Expect(_page.GetByLabel($"Quantity of {Product}")).ToBeVisibleAsync();
    }

    [TearDown]
    public async Task CloseAsync() => await _context.DisposeAsync();

    [Test]
    public async Task Page_OrderPlaced_IsFollowedToCompletedAndItsInvoiceDownloads()
    {
        await _page.GetByLabel($"Quantity of {Product}").FillAsync("2");
        await _page.GetByLabel("Quantity of Smörgåsbord serving board").FillAsync("1");
        await _page.GetByLabel("tok_mastercard").CheckAsync();
        await Expect(_page.Locator("#cart-total")).ToHaveTextAsync("$107.80");
        await Browser.ScreenshotAsync(_page, "1-shop-filled-in");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Order" })).ToBeVisibleAsync();
        await Browser.ScreenshotAsync(_page, "2-order-placed");
        var status = _page.Locator("#order-status");
        await Expect(status).ToHaveTextAsync("COMPLETED", new() { Timeout = StatusTimeoutMs });
        await Browser.ScreenshotAsync(_page, "3-order-completed");

        await Expect(_page.Locator("#order-history li")).ToHaveCountAsync(5);
        await Expect(_page.Locator("#order-polling")).ToBeHiddenAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Cancel order" })).ToBeHiddenAsync();
        await Expect(_page.Locator("#order-total")).ToHaveTextAsync("$107.80");
        var download = await _page.RunAndWaitForDownloadAsync(() => _page.GetByRole(AriaRole.Link, new() { Name = "Download invoice (PDF)" }).ClickAsync());
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"invoice-{Guid.NewGuid():N}.pdf");
        await download.SaveAsAsync(path);
        var head = new byte[5];
        await using (var pdf = File.OpenRead(path))
        {
            await pdf.ReadExactlyAsync(head);
        }

        File.Delete(path);
        Assert.That(Encoding.ASCII.GetString(head), Is.EqualTo("%PDF-"));
    }

    [Test]
    public async Task Page_BadEmail_IsReportedNextToTheEmailFieldAndNoOrderIsPlaced()
    {
        await _page.GetByLabel($"Quantity of {Product}").FillAsync("1");
        await _page.GetByLabel("Email").FillAsync("zoe-at-example");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

        var error = _page.Locator("[id='err-customerEmail']");
        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("must be a valid email address");
        await Expect(_page.GetByLabel("Email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_page.Locator("#form-summary")).ToContainTextAsync("1 field needs attention");
        await Expect(_page.Locator("#form-summary li")).ToHaveTextAsync("Email: must be a valid email address");
        await Browser.ScreenshotAsync(_page, "4-field-error");
        Assert.That(new Uri(_page.Url).Fragment, Is.Not.Contains("/orders/"));
    }

    [Test]
    public async Task Page_DeclinedPayment_ShowsPaymentFailedWithItsReasonOnTheTimeline()
    {
        await _page.GetByLabel("Quantity of Crème brûlée torch").FillAsync("1");
        await _page.GetByLabel("tok_declined").CheckAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

        await Expect(_page.Locator("#order-status")).ToHaveTextAsync("PAYMENT_FAILED", new() { Timeout = StatusTimeoutMs });
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Download invoice (PDF)" })).ToBeHiddenAsync();
        await Browser.ScreenshotAsync(_page, "5-payment-failed");
    }

    [Test]
    public async Task Page_OrderList_ShowsOrdersOfOneStatusAPageAtATime()
    {
        var placed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await _page.GotoAsync("/#/");
            await _page.GetByLabel("Quantity of Pâté de campagne, 6 tins").FillAsync("1");
            await _page.GetByLabel("tok_insufficient_funds").CheckAsync();
            await _page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();

            // The order view is reused: wait for this order's id before reading its status.
            await _page.WaitForFunctionAsync(
                "seen => { const id = document.getElementById('order-id').textContent; return id !== '' && !seen.includes(id) && location.hash === '#/orders/' + id; }",
                placed.ToArray());
            placed.Add(await _page.Locator("#order-id").InnerTextAsync());
            await Expect(_page.Locator("#order-status")).ToHaveTextAsync("PAYMENT_FAILED", new() { Timeout = StatusTimeoutMs });
        }

        await _page.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).First.ClickAsync();
        await _page.GetByLabel("Status").SelectOptionAsync("PAYMENT_FAILED");
        await _page.GetByLabel("Per page").SelectOptionAsync("2");
        var rows = _page.Locator("#orders-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(_page.Locator("#orders-table tbody .status")).ToHaveTextAsync(["PAYMENT_FAILED", "PAYMENT_FAILED"]);
        var firstPage = await _page.Locator("#orders-table tbody code").AllInnerTextsAsync();
        await Browser.ScreenshotAsync(_page, "6-orders-by-status");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(_page.Locator("#page-number")).ToHaveTextAsync("Page 2");
        await Expect(rows.First).ToBeVisibleAsync();
        var secondPage = await _page.Locator("#orders-table tbody code").AllInnerTextsAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Previous page" }).ClickAsync();
        await Expect(_page.Locator("#page-number")).ToHaveTextAsync("Page 1");

        Assert.That(firstPage, Is.EqualTo(new[] { placed[2], placed[1] }), "newest first");
        Assert.That(secondPage, Is.Not.Empty);
        Assert.That(secondPage.Intersect(firstPage), Is.Empty, "a page never repeats the previous one");
        await Expect(_page.Locator("#orders-table tbody code")).ToHaveTextAsync(firstPage.ToArray());
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();
    }

    [Test]
    public async Task Page_OnAPhoneScreen_FitsWithoutSidewaysScrolling()
    {
        await _page.SetViewportSizeAsync(375, 812);
        await _page.ReloadAsync();
        await Expect(_page.GetByLabel($"Quantity of {Product}")).ToBeVisibleAsync();

        var overflow = await _page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        await Browser.ScreenshotAsync(_page, "7-phone");

        Assert.That(overflow, Is.LessThanOrEqualTo(0));
    }
}
