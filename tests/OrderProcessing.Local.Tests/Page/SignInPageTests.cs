using Microsoft.Playwright;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Local.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace OrderProcessing.Local.Tests.Page;

/// <summary>
/// "Sign in as" on the page against a host that checks tokens: a customer sees their own order under My orders and
/// another customer sees neither it in their list nor its page (404); an operator gets the Operator view.
/// </summary>
[NonParallelizable]
public sealed class SignInPageTests
{
    private const float StatusTimeoutMs = 30_000;

    private LocalHostProcess _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The host as users run it by default: it checks tokens, and the function decides what each caller may see.
        _host = await TestHost.StartAsync("--auth", "cognito");
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
    }

    [TearDown]
    public async Task CloseAsync() => await _context.DisposeAsync();

    [Test]
    public async Task SignIn_Customer_SeesOwnOrderAndAnotherCustomerDoesNot()
    {
        await SignInAsync("c-alice", "Alice Example", "alice@example.com", operatorGroup: false);
        await Expect(_page.Locator("#account-name")).ToHaveTextAsync("Alice Example");
        await Expect(_page.GetByLabel("Customer id", new() { Exact = true })).ToHaveValueAsync("c-alice");
        await _page.GetByLabel("Quantity of Crème brûlée torch").FillAsync("1");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Place order" }).ClickAsync();
        await Expect(_page.Locator("#order-status")).ToHaveTextAsync("COMPLETED", new() { Timeout = StatusTimeoutMs });
        var orderId = await _page.Locator("#order-id").InnerTextAsync();

        // The invoice and the export need the token too: the page fetches them with it rather than following a plain link.
        var invoice = await DownloadAsync(() => _page.GetByRole(AriaRole.Link, new() { Name = "Download invoice (PDF)" }).ClickAsync());
        Assert.That(invoice, Does.StartWith("%PDF-"));
        await _page.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).First.ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "My orders" })).ToBeVisibleAsync();
        await Expect(_page.Locator("#orders-table tbody code")).ToHaveTextAsync([orderId]);
        await Browser.ScreenshotAsync(_page, "7-my-orders");
        var export = await DownloadAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = "Export my orders (CSV)" }).ClickAsync());
        Assert.That(export, Does.Contain(orderId));
        await Expect(_page.Locator("#orders-status")).ToHaveTextAsync("Exported your orders as CSV.");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync("c-bob", "Bob Example", "bob@example.com", operatorGroup: false);
        await _page.GotoAsync("/#/orders");
        await Expect(_page.Locator("#orders-status")).ToHaveTextAsync("No orders yet.");
        var othersExport = await DownloadAsync(() => _page.GetByRole(AriaRole.Button, new() { Name = "Export my orders (CSV)" }).ClickAsync());
        Assert.That(othersExport, Does.Not.Contain(orderId));
        await _page.GotoAsync($"/#/orders/{orderId}");
        await Expect(_page.Locator("#order-message")).ToContainTextAsync("There is no order with this id");
        await Browser.ScreenshotAsync(_page, "8-someone-elses-order");
    }

    [Test]
    public async Task SignIn_Operator_SeesTheOperatorViewWithStock()
    {
        await SignInAsync("c-carl", "Carl Customer", "carl@example.com", operatorGroup: false);
        await Expect(_page.GetByRole(AriaRole.Link, new() { Name = "Operator" })).ToBeHiddenAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await SignInAsync("c-olga", "Olga Operator", "olga@example.com", operatorGroup: true);
        await Expect(_page.Locator("#account-name")).ToHaveTextAsync("Olga Operator (operator)");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Operator" }).ClickAsync();
        await Expect(_page.Locator("#dead-letters-status")).ToHaveTextAsync("No dead letters.");
        await _page.GetByLabel("Crème brûlée torch", new() { Exact = true }).FillAsync("7");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save stock of Crème brûlée torch" }).ClickAsync();
        await Expect(_page.Locator("#stock-status")).ToHaveTextAsync("Saved: Crème brûlée torch, 7 in stock.");
        await Browser.ScreenshotAsync(_page, "9-operator");
    }

    // The text of the file a click downloads.
    private async Task<string> DownloadAsync(Func<Task> click)
    {
        var download = await _page.RunAndWaitForDownloadAsync(click);
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"download-{Guid.NewGuid():N}");
        await download.SaveAsAsync(path);
        return await File.ReadAllTextAsync(path);
    }

    private async Task SignInAsync(string customerId, string name, string email, bool operatorGroup)
    {
        await _page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await _page.GetByLabel("Your customer id").FillAsync(customerId);
        await _page.GetByLabel("Your name").FillAsync(name);
        await _page.GetByLabel("Your e-mail address").FillAsync(email);
        await _page.GetByLabel("Operator (member of").SetCheckedAsync(operatorGroup);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Sign in as this customer" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
