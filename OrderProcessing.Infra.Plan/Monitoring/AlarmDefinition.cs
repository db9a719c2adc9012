namespace OrderProcessing.Infra.Plan.Monitoring;

/// <summary>A CloudWatch metric alarm, decided in full by the plan; the program only adds the operations topic as its action.</summary>
/// <param name="Kind">What it watches.</param>
/// <param name="Subject">The stage, function or API it is about (<c>reserve-inventory</c>, <c>api</c>, <c>order-events</c>).</param>
/// <param name="Name">Physical alarm name.</param>
/// <param name="Description">What it means and what to do, for the person paged.</param>
/// <param name="Namespace">Metric namespace.</param>
/// <param name="MetricName">Metric name.</param>
/// <param name="Dimensions">Metric dimensions, by physical resource name.</param>
/// <param name="Statistic">Statistic over each period.</param>
/// <param name="PeriodSeconds">Period length.</param>
/// <param name="EvaluationPeriods">Periods that must breach.</param>
/// <param name="Threshold">Threshold the statistic is compared with.</param>
public sealed record AlarmDefinition(
    AlarmKind Kind,
    string Subject,
    string Name,
    string Description,
    string Namespace,
    string MetricName,
    IReadOnlyDictionary<string, string> Dimensions,
    string Statistic,
    int PeriodSeconds,
    int EvaluationPeriods,
    double Threshold)
{
    /// <summary>Every alarm fires above its threshold.</summary>
    public const string ComparisonOperator = "GreaterThanThreshold";

    /// <summary>No data means nothing happened (no failures, no traffic): not an alarm.</summary>
    public const string TreatMissingData = "notBreaching";
}
