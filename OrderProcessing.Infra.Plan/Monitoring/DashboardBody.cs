using System.Text.Json.Nodes;

namespace OrderProcessing.Infra.Plan.Monitoring;

/// <summary>The CloudWatch dashboard of a stack: the API, then one row per function and queue, built from the plan's alarms and names.</summary>
public static class DashboardBody
{
    private const int Width = 8;
    private const int Height = 6;

    /// <summary>The dashboard body JSON for <paramref name="plan"/> in <paramref name="region"/> (metric widgets must name their region).</summary>
    public static string Create(DeploymentPlan plan, string region)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(region);

        var widgets = new JsonArray();
        var row = 0;

        void Add(int column, string title, string stat, params JsonArray[] metrics) =>
            widgets.Add(new JsonObject
            {
                ["type"] = "metric",
                ["x"] = column * Width,
                ["y"] = row * Height,
                ["width"] = Width,
                ["height"] = Height,
                ["properties"] = new JsonObject
                {
                    ["title"] = title,
                    ["region"] = region,
                    ["stat"] = stat,
                    ["period"] = 300,
                    ["view"] = "timeSeries",
                    ["metrics"] = new JsonArray(metrics.Select(m => (JsonNode)m).ToArray()),
                },
            });

        var api = new[] { "ApiName", plan.Api.RestApiName, "Stage", plan.Api.StageName };
        Add(0, "API requests", "Sum", Metric("AWS/ApiGateway", "Count", api));
        Add(1, "API errors", "Sum", Metric("AWS/ApiGateway", "4XXError", api), Metric("AWS/ApiGateway", "5XXError", api));
        Add(2, "API latency p90 (ms)", "p90", Metric("AWS/ApiGateway", "Latency", api), Metric("AWS/ApiGateway", "IntegrationLatency", api));
        row++;

        foreach (var function in plan.Functions)
        {
            var dimensions = new[] { "FunctionName", function.Name };
            Add(0, $"{function.Definition.Name}: invocations and errors", "Sum",
                Metric("AWS/Lambda", "Invocations", dimensions), Metric("AWS/Lambda", "Errors", dimensions), Metric("AWS/Lambda", "Throttles", dimensions));
            Add(1, $"{function.Definition.Name}: duration p90 (ms)", "p90", Metric("AWS/Lambda", "Duration", dimensions));

            var stage = plan.Stages.FirstOrDefault(s => s.Function == function);
            if (stage is not null)
            {
                Add(2, $"{function.Definition.Name}: queue and dead letters", "Maximum",
                    Metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", stage.QueueName),
                    Metric("AWS/SQS", "ApproximateAgeOfOldestMessage", "QueueName", stage.QueueName),
                    Metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", stage.DeadLetterQueueName));
            }

            row++;
        }

        Add(0, "pipes: undeliverable stream records", "Maximum",
            Metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", plan.Notifications.PipeDeadLetterQueueName));

        return new JsonObject { ["widgets"] = widgets }.ToJsonString(PlanJson.Options);
    }

    private static JsonArray Metric(string metricNamespace, string metricName, params string[] dimensions) =>
        new(new[] { metricNamespace, metricName }.Concat(dimensions).Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
