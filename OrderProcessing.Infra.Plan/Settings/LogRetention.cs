namespace OrderProcessing.Infra.Plan.Settings;

/// <summary>The retention periods CloudWatch Logs accepts for a log group; any other value is rejected by the service.</summary>
public static class LogRetention
{
    /// <summary>Every accepted retention in days, ascending. "Never expire" is deliberately not offered.</summary>
    public static IReadOnlyList<int> AllowedDays { get; } =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];
}
