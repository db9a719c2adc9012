using System.Globalization;

namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>One alarm as the tests expect it, written out by hand (see <see cref="ExpectedAlarms"/>).</summary>
/// <param name="Name">Physical alarm name.</param>
/// <param name="Namespace">Metric namespace.</param>
/// <param name="MetricName">Metric name.</param>
/// <param name="Dimensions">Metric dimensions by name.</param>
/// <param name="Statistic">Statistic over each period.</param>
/// <param name="PeriodSeconds">Period length.</param>
/// <param name="EvaluationPeriods">Periods that must breach.</param>
/// <param name="Threshold">Threshold the statistic is compared with.</param>
/// <param name="ComparisonOperator">How the statistic is compared with the threshold.</param>
/// <param name="TreatMissingData">What a period without data counts as.</param>
/// <param name="AlarmTopics">Names of the topics notified when the alarm fires.</param>
/// <param name="OkTopics">Names of the topics notified when it recovers.</param>
public sealed record ExpectedAlarm(
    string Name,
    string Namespace,
    string MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    string Statistic,
    double PeriodSeconds,
    double EvaluationPeriods,
    double Threshold,
    string ComparisonOperator,
    string TreatMissingData,
    IReadOnlyList<string> AlarmTopics,
    IReadOnlyList<string> OkTopics)
{
    /// <summary>Everything but the actions, as one line, so a set of alarms compares by value and a failure shows the row that differs.</summary>
    public string Row() => FormatRow(Name, Namespace, MetricName, Dimensions, Statistic, PeriodSeconds, EvaluationPeriods, Threshold, ComparisonOperator, TreatMissingData);

    /// <summary>The line of <see cref="Row"/> for an alarm read from a plan or from registered resource inputs.</summary>
    public static string FormatRow(
        string name,
        string metricNamespace,
        string metricName,
        IReadOnlyDictionary<string, string> dimensions,
        string statistic,
        double periodSeconds,
        double evaluationPeriods,
        double threshold,
        string comparisonOperator,
        string treatMissingData)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        var dimensionText = string.Join(",", dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"));
        return string.Join(
            " | ",
            name,
            metricNamespace,
            metricName,
            dimensionText,
            statistic,
            $"period {periodSeconds.ToString(CultureInfo.InvariantCulture)}",
            $"evaluations {evaluationPeriods.ToString(CultureInfo.InvariantCulture)}",
            $"{comparisonOperator} {threshold.ToString(CultureInfo.InvariantCulture)}",
            $"missing {treatMissingData}");
    }
}
