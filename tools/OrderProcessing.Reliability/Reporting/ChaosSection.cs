using System.Globalization;
using System.Text;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Topology;
using static OrderProcessing.DevTools.Reporting.Markdown;

namespace OrderProcessing.Reliability.Reporting;

/// <summary>Turns a fault-injection run into its report section: the workload, the faults, the traffic, what clients saw.</summary>
internal static class ChaosSection
{
    /// <summary>The section for <paramref name="report"/>.</summary>
    public static Suite.SectionResult For(ChaosReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var f = o.Faults;
        var outcomes = report.Outcomes;
        var text = new StringBuilder();
        var cancelPlans = outcomes.Where(x => x.Intent.Cancel is not null).ToList();
        text.Append(CultureInfo.InvariantCulture, $"Stores: **{report.Stores}**. System under test: **{report.Host}**. Seed {o.Seed}. ")
            .Append(CultureInfo.InvariantCulture, $"Took {report.Elapsed.TotalSeconds:0.0} s of wall-clock time on this machine (for information; nothing depends on it) and {report.SimulatedTime.TotalSeconds:0.0} s on the run's own clock.\n\n");

        text.Append("**Workload.** ")
            .Append(CultureInfo.InvariantCulture, $"{N(o.Orders)} orders of 1 to 3 lines; payment tokens {string.Join(", ", outcomes.GroupBy(x => x.Intent.Token).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"`{g.Key}` {g.Count()}"))}; ")
            .Append(CultureInfo.InvariantCulture, $"{outcomes.Count(x => x.Intent.OverLimit)} orders over the gateway's 10,000 limit; {outcomes.Count(x => x.Intent.HasScarceLine)} with a line for one of 4 scarce products. ")
            .Append(CultureInfo.InvariantCulture, $"{cancelPlans.Count} cancellations planned through the API: {cancelPlans.Count(x => x.Intent.Cancel!.Timing == CancelTiming.DuringStage)} inside a stage's run (before its n-th store call, so the stage's next conditional write loses) and {cancelPlans.Count(x => x.Intent.Cancel!.Timing == CancelTiming.AfterDelay)} at a random later moment; {cancelPlans.Count(x => x.Intent.Cancel!.DeleteAfter)} of them followed by `DELETE`.\n\n");

        var stage = SystemTopology.Stages[0];
        var faults = report.Faults;
        text.Append("**Faults.** ")
            .Append(CultureInfo.InvariantCulture, $"{Percent(f.TransientRate)} of store calls (stages and API) fail with `TransientFailureException` before reaching the store: {N(faults.Transient)} injected. ")
            .Append(CultureInfo.InvariantCulture, $"A crash after a side effect (the store call succeeded, then the caller dies before acknowledging): the first side effect of each kind always, then {Percent(f.CrashRate)} of crash points, each at most once: {N(faults.Crashes)} crashes over {faults.CrashesByPoint.Count} kinds of side effect ({faults.SideEffectPointsReached.Count} kinds reached{(faults.SideEffectPointsNeverCrashed.Count == 0 ? ", every one crashed at least once" : $"; never crashed: {string.Join(", ", faults.SideEffectPointsNeverCrashed)}")}). ")
            .Append(CultureInfo.InvariantCulture, $"{Percent(f.StallRate)} of stage calls stall (a slow Lambda) for up to {f.MaxStallTicks} ticks while everything else moves on: {N(faults.Stalls)} stalls, which make stale reads and duplicate deliveries overlap.\n\n");

        var d = report.Dispatch;
        text.Append("**Delivery.** ")
            .Append(CultureInfo.InvariantCulture, $"Each order write goes through the change feed; a transition becomes the order event envelope and goes to the stage `SystemTopology.StageFor(status)` names; each envelope is queued {o.Dispatch.Delivery.MinCopies} to {o.Dispatch.Delivery.MaxCopies} times ({N(d.Messages)} messages), received in random order in batches of up to {stage.BatchSize} (the topology's batch size; {N(d.Batches)} batches), and a failed message comes back after a random delay until the topology's receive limit of {stage.MaxReceiveCount}, then goes to the stage's dead-letter list; the operator then redrives it (up to {o.MaxRedriveRounds} rounds, faults still on). {N(d.UnroutedChanges)} changes had no stage (terminal statuses other than CANCELLED, deletions, and the same-status writes an operator made after {Percent(o.SameStatusWriteRate)} of the transitions into a stage's status, while the message waited in the queue).\n\n");

        text.Append(Table(
            ["stage", "changes", "messages", "receives", "failed receives", "acknowledged", "dead-lettered"],
            d.Stages.Select(s => (IReadOnlyList<string>)[s.Stage, N(s.Changes), N(s.Messages), N(s.Receives), N(s.Failures), N(s.Acknowledged), N(s.DeadLettered)])));
        text.Append('\n');

        var retried = outcomes.Count(x => x.PlaceAttempts > 1);
        text.Append("**What clients saw.** ")
            .Append(CultureInfo.InvariantCulture, $"{outcomes.Count(x => x.OrderId is not null)} of {outcomes.Count} `POST /orders` answered with an order; {retried} needed a retry after a 5xx (same Idempotency-Key), {outcomes.Sum(x => x.Replays)} of those answered by replaying the key's first order. ")
            .Append(CultureInfo.InvariantCulture, $"Cancellations: {Count(outcomes, CancelOutcome.Accepted)} accepted, {Count(outcomes, CancelOutcome.AcceptedAnswerLost)} accepted with the answer lost (the retry's 409 resolved by reading the order), {Count(outcomes, CancelOutcome.TooLate)} refused with 409 (already shipped or ended), {Count(outcomes, CancelOutcome.PointNotReached)} whose stage point never came (the order ended first). ")
            .Append(CultureInfo.InvariantCulture, $"Deletes: {outcomes.Count(x => x.Deleted)} done, after {outcomes.Sum(x => x.DeleteRefusals)} refusals (409) while the cancelled order was still settling.\n\n");

        text.Append("**Crashes by side effect.** ")
            .AppendJoin("; ", faults.CrashesByPoint.Select(p => $"{p.Key} {p.Value}"))
            .Append(".\n\n");

        if (d.DeadLetters.Count > 0)
        {
            text.Append("**Dead letters** (each redriven; the invariants below are checked after the redrive):\n\n");
            text.Append(Table(
                ["round", "stage", "order", "receives", "last cause"],
                d.DeadLetters.Select(x => (IReadOnlyList<string>)[x.Round == 0 ? "run" : $"redrive {x.Round}", x.Stage, x.OrderId, x.ReceiveCount.ToString(CultureInfo.InvariantCulture), x.Cause])));
            text.Append('\n');
        }

        return new Suite.SectionResult($"Fault injection: {N(o.Orders)} orders, {report.Stores}", report.Invariants, text.ToString());
    }

    private static int Count(IReadOnlyList<IntentOutcome> outcomes, CancelOutcome outcome) => outcomes.Count(x => x.Cancel == outcome);
}
