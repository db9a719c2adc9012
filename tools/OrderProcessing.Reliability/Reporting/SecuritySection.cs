using OrderProcessing.Reliability.Chaos;

namespace OrderProcessing.Reliability.Reporting;

/// <summary>The security checks as a report section.</summary>
internal static class SecuritySection
{
    /// <summary>The section for <paramref name="checks"/>.</summary>
    public static Suite.SectionResult For(IReadOnlyList<InvariantResult> checks) => new(
        "Security",
        checks,
        "The functions' logs are captured during every run above (whole order lifecycles through the API and every stage, with injected failures and their stack traces, and the bad-input requests) and searched; the functions are started without their settings; the local host's default options are read and parsed. What is protected and what is not: `SECURITY.md`.\n\n");
}
