using System.Diagnostics;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Concurrency;
using OrderProcessing.Reliability.Reporting;
using OrderProcessing.Reliability.Stores;

namespace OrderProcessing.Reliability.Suite;

/// <summary>
/// Everything the reliability report states, run in one go: the fault-injection run (in memory, and on dynalite when
/// asked), the concurrency checks, the bad-input run and the security checks. A section that cannot run is reported
/// as not run, which fails the suite; it is never counted as passed.
/// </summary>
internal static class ReliabilitySuite
{
    /// <summary>Runs the suite, writing progress to <paramref name="log"/>.</summary>
    public static async Task<SuiteReport> RunAsync(SuiteOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var sections = new List<SectionResult>();
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Concurrency.ConcurrencyChecks.CustomerEmail };
        var notRun = new List<string>();
        var host = new Lambda.LambdaSystemHost();

        await using var dynalite = new DynaliteStoreProvider();
        var providers = new List<(IStoreProvider Provider, int Orders)> { (new InMemoryStoreProvider(), options.Orders) };
        if (options.Dynalite)
        {
            providers.Add((dynalite, options.DynaliteOrders ?? options.Orders));
        }

        foreach (var (provider, orders) in providers)
        {
            await log.WriteLineAsync($"fault injection: {orders} orders on {provider.Name}, seed {options.Seed} ...").ConfigureAwait(false);
            var chaos = await ChaosRun.RunAsync(provider, host, new ChaosOptions { Orders = orders, Seed = options.Seed }, cancellationToken).ConfigureAwait(false);
            emails.UnionWith(chaos.Outcomes.Select(o => o.Intent.Request.CustomerEmail!));
            sections.Add(ChaosSection.For(chaos));
            await log.WriteLineAsync($"  {chaos.Invariants.Count(i => i.Holds)} of {chaos.Invariants.Count} invariants hold").ConfigureAwait(false);

            await log.WriteLineAsync($"concurrency on {provider.Name} ...").ConfigureAwait(false);
            var concurrency = await ConcurrencyChecks.RunAsync(provider, host, cancellationToken).ConfigureAwait(false);
            sections.Add(ConcurrencySection.For(concurrency));
            await log.WriteLineAsync($"  {concurrency.Checks.Count(i => i.Holds)} of {concurrency.Checks.Count} checks hold").ConfigureAwait(false);
        }

        await log.WriteLineAsync($"bad input: {options.BadInputCases} generated requests and the corpus ...").ConfigureAwait(false);
        var (target, probe) = await Lambda.BadInputSystem.CreateAsync(host, cancellationToken).ConfigureAwait(false);
        var badInput = await BadInput.BadInputRun.RunAsync(host.Name, target, probe, options.BadInputCases, options.Seed, cancellationToken).ConfigureAwait(false);
        sections.Add(BadInputSection.For(badInput));
        await log.WriteLineAsync($"  {badInput.Checks.Count(i => i.Holds)} of {badInput.Checks.Count} checks hold").ConfigureAwait(false);

        await log.WriteLineAsync("security ...").ConfigureAwait(false);
        var security = new List<InvariantResult>
        {
            Security.SecurityChecks.Logs(host.Logs.Lines, emails),
            Security.SecurityChecks.MissingSettings(),
            Security.SecurityChecks.LocalHostBind(),
        };
        sections.Add(SecuritySection.For(security));
        await log.WriteLineAsync($"  {security.Count(i => i.Holds)} of {security.Count} checks hold").ConfigureAwait(false);
        return new SuiteReport(options, sections, notRun, started, watch.Elapsed);
    }
}
