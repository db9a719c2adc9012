namespace OrderProcessing.Topology;

/// <summary>
/// Custom metrics the functions write (CloudWatch Embedded Metric Format) that the deployment alarms on, named once here
/// so the writer and the alarm cannot disagree. Every one carries the <c>Environment</c> dimension.
/// </summary>
public static class OperationalMetrics
{
    /// <summary>The CloudWatch namespace of every custom metric.</summary>
    public const string Namespace = "OrderProcessing";

    /// <summary>The dimension every custom metric carries: the deployment stage (<see cref="SystemTopology.EnvironmentSetting"/>).</summary>
    public const string EnvironmentDimension = "Environment";

    /// <summary>Orders one sweep found past their stage's deadline.</summary>
    public const string StuckOrdersFound = "StuckOrdersFound";

    /// <summary>Orders one sweep nudged.</summary>
    public const string StuckOrdersNudged = "StuckOrdersNudged";

    /// <summary>Orders one sweep nudged that it had nudged before in the same status and version: stuck twice.</summary>
    public const string StuckOrdersNudgedAgain = "StuckOrdersNudgedAgain";
}
