using OrderProcessing.Local.Tests.Support;

namespace OrderProcessing.Local.Tests.Page;

public sealed class BrowserSmokeTests
{
    [Test]
    public async Task Chromium_runs()
    {
        var (playwright, browser) = await Browser.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.NewPageAsync();
                await page.SetContentAsync("<h1>hé</h1>");
                Assert.That(await page.InnerTextAsync("h1"), Is.EqualTo("hé"));
                TestContext.Out.WriteLine(browser.Version);
            }
        }
    }
}
