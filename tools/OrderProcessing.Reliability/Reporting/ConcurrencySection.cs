using OrderProcessing.Reliability.Concurrency;

namespace OrderProcessing.Reliability.Reporting;

/// <summary>Turns the concurrency checks of one store into a report section.</summary>
internal static class ConcurrencySection
{
    /// <summary>The section for <paramref name="report"/>.</summary>
    public static Suite.SectionResult For(ConcurrencyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var details = $"Stores: **{report.Stores}**. System under test: **{report.Host}**. Requests are started on the thread pool and released together by one gate, so they overlap for real; a stage delivery that fails on a write conflict is retried, as SQS would.\n\n";
        return new Suite.SectionResult($"Concurrency, {report.Stores}", report.Checks, details);
    }
}
