namespace OrderProcessing.Functions.Observability;

/// <summary>A metric of an Embedded Metric Format document: its name, unit, and one or more values.</summary>
public sealed record Metric(string Name, MetricUnit Unit, IReadOnlyList<double> Values)
{
    /// <summary>A single count.</summary>
    public static Metric Count(string name, double value) => new(name, MetricUnit.Count, [value]);

    /// <summary>A single duration.</summary>
    public static Metric Milliseconds(string name, double value) => new(name, MetricUnit.Milliseconds, [value]);
}
