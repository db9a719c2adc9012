using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Lambda;
using OrderProcessing.Reliability.Security;
using OrderProcessing.Reliability.Stores;

namespace OrderProcessing.Reliability.Tests.Security;

/// <summary>Whole order lifecycles through the Lambda functions, with failures injected, leave no e-mail address or payment token in the logs.</summary>
public sealed class LogScanTests
{
    [Test]
    public async Task Logs_OfWholeLifecyclesWithFailures_HoldNoEmailOrPaymentToken()
    {
        var host = new LambdaSystemHost();
        var report = await ChaosRun.RunAsync(new InMemoryStoreProvider(), host, new ChaosOptions { Orders = 120, Seed = 11 });
        var emails = report.Outcomes.Select(o => o.Intent.Request.CustomerEmail!).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var check = SecurityChecks.Logs(host.Logs.Lines, emails);

        Assert.Multiple(() =>
        {
            Assert.That(check.Violations, Is.Empty, check.Counts);
            Assert.That(host.Logs.Lines.Count(l => l.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal)), Is.GreaterThan(0), "failures were logged, stack traces included");
            Assert.That(host.Logs.Lines.Count(l => l.Contains("\"functionName\":\"compensate\"", StringComparison.Ordinal)), Is.GreaterThan(0), "every stage logged, compensate included");
        });
    }

    [TestCase("{\"message\":\"order for jane.doe@example.com\"}", Description = "an e-mail address")]
    [TestCase("{\"message\":\"charged tok_visa\"}", Description = "a token")]
    [TestCase("{\"body\":\"{\\\"paymentToken\\\":\\\"tok_mastercard\\\"}\"}", Description = "a token inside an escaped body")]
    [TestCase("{\"message\":\"JANE.DOE@EXAMPLE.COM\"}", Description = "a known address in capitals")]
    public void TheScan_FindsALeak(string line) =>
        Assert.That(LogScan.Leaks([line], ["jane.doe@example.com"]), Has.Count.EqualTo(1));

    [TestCase("{\"message\":\"order for j***@example.com paid with tok_***\"}")]
    [TestCase("{\"message\":\"order ord_01J placed\",\"orderId\":\"ord_01J\"}")]
    public void TheScan_AcceptsMaskedValues(string line) =>
        Assert.That(LogScan.Leaks([line], ["jane.doe@example.com"]), Is.Empty);
}
