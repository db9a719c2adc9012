using System.Globalization;
using OrderProcessing.Infra.Plan.Functions;

namespace OrderProcessing.Infra.Plan.Scheduling;

/// <summary>
/// The EventBridge rule that invokes a scheduled function (the stuck-order sweeper) at a fixed rate. A rule rather than
/// EventBridge Scheduler: it needs no role of its own, only a permission on the function scoped to the rule's ARN.
/// </summary>
/// <param name="Function">The function it invokes (through its live alias).</param>
/// <param name="RuleName">Physical rule name.</param>
/// <param name="ScheduleExpression">The rule's <c>rate(...)</c> expression.</param>
public sealed record SchedulePlan(FunctionPlan Function, string RuleName, string ScheduleExpression)
{
    /// <summary>The <c>rate(...)</c> expression of a whole number of minutes (EventBridge's unit is singular for one).</summary>
    public static string RateExpression(TimeSpan every)
    {
        var minutes = every.TotalMinutes;
        if (minutes < 1 || minutes != Math.Floor(minutes))
        {
            throw new ArgumentOutOfRangeException(nameof(every), every, "A rate is a whole number of minutes, at least one.");
        }

        return minutes == 1 ? "rate(1 minute)" : string.Create(CultureInfo.InvariantCulture, $"rate({(long)minutes} minutes)");
    }
}
