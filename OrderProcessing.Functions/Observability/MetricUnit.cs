namespace OrderProcessing.Functions.Observability;

/// <summary>CloudWatch units of the metrics the functions emit.</summary>
public enum MetricUnit
{
    /// <summary>A count.</summary>
    Count,

    /// <summary>A duration.</summary>
    Milliseconds,
}
