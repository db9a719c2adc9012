namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>
/// Every alarm of a stack, written out by hand from the design (design section 6, README's deploy section): a dead-letter
/// alarm per stage and for the pipes, an error and a throttle alarm per function, a 5xx alarm on the API, each firing on the
/// first occurrence and notifying the operations topic on alarm and on recovery. Written here rather than derived from the
/// plan, so a changed threshold, period, statistic or action fails a test instead of moving the expectation with it. The
/// plan tests and the Pulumi mock tests (which link this file) check against the same rows.
/// </summary>
public static class ExpectedAlarms
{
    /// <summary>The alarms of stack <paramref name="stack"/>.</summary>
    /// <remarks><paramref name="environment"/> is the stack's environment setting; the stack's name when null (as in its Pulumi file).</remarks>
    public static IReadOnlyList<ExpectedAlarm> For(string stack, string? environment = null)
    {
        var p = $"order-processing-{stack}";
        var operations = $"{p}-operations";
        return
        [
            DeadLetters($"{p}-reserve-inventory-dead-letters", $"{p}-reserve-inventory-dlq", operations),
            DeadLetters($"{p}-charge-payment-dead-letters", $"{p}-charge-payment-dlq", operations),
            DeadLetters($"{p}-ship-order-dead-letters", $"{p}-ship-order-dlq", operations),
            DeadLetters($"{p}-generate-invoice-dead-letters", $"{p}-generate-invoice-dlq", operations),
            DeadLetters($"{p}-compensate-dead-letters", $"{p}-compensate-dlq", operations),
            DeadLetters($"{p}-notify-customer-dead-letters", $"{p}-notify-customer-dlq", operations),
            DeadLetters($"{p}-pipes-dead-letters", $"{p}-pipes-dlq", operations),
            Function($"{p}-api-errors", "Errors", $"{p}-api", operations),
            Function($"{p}-api-throttles", "Throttles", $"{p}-api", operations),
            Function($"{p}-reserve-inventory-errors", "Errors", $"{p}-reserve-inventory", operations),
            Function($"{p}-reserve-inventory-throttles", "Throttles", $"{p}-reserve-inventory", operations),
            Function($"{p}-charge-payment-errors", "Errors", $"{p}-charge-payment", operations),
            Function($"{p}-charge-payment-throttles", "Throttles", $"{p}-charge-payment", operations),
            Function($"{p}-ship-order-errors", "Errors", $"{p}-ship-order", operations),
            Function($"{p}-ship-order-throttles", "Throttles", $"{p}-ship-order", operations),
            Function($"{p}-generate-invoice-errors", "Errors", $"{p}-generate-invoice", operations),
            Function($"{p}-generate-invoice-throttles", "Throttles", $"{p}-generate-invoice", operations),
            Function($"{p}-compensate-errors", "Errors", $"{p}-compensate", operations),
            Function($"{p}-compensate-throttles", "Throttles", $"{p}-compensate", operations),
            Function($"{p}-notify-customer-errors", "Errors", $"{p}-notify-customer", operations),
            Function($"{p}-notify-customer-throttles", "Throttles", $"{p}-notify-customer", operations),
            Function($"{p}-sweep-stuck-orders-errors", "Errors", $"{p}-sweep-stuck-orders", operations),
            Function($"{p}-sweep-stuck-orders-throttles", "Throttles", $"{p}-sweep-stuck-orders", operations),
            new(
                $"{p}-api-5xx",
                "AWS/ApiGateway",
                "5XXError",
                new Dictionary<string, string> { ["ApiName"] = $"{p}-api", ["Stage"] = "v1" },
                "Sum",
                PeriodSeconds: 300,
                EvaluationPeriods: 1,
                Threshold: 0,
                "GreaterThanThreshold",
                "notBreaching",
                [operations],
                [operations]),

            // Any order nudged a second time in the same status, in five minutes: a nudge did not get it moving.
            new(
                $"{p}-stuck-orders",
                "OrderProcessing",
                "StuckOrdersNudgedAgain",
                new Dictionary<string, string> { ["Environment"] = environment ?? stack },
                "Sum",
                PeriodSeconds: 300,
                EvaluationPeriods: 1,
                Threshold: 0,
                "GreaterThanThreshold",
                "notBreaching",
                [operations],
                [operations]),
        ];
    }

    // Any message in a dead-letter queue is work that failed every retry: page at once.
    private static ExpectedAlarm DeadLetters(string name, string queue, string topic) => new(
        name,
        "AWS/SQS",
        "ApproximateNumberOfMessagesVisible",
        new Dictionary<string, string> { ["QueueName"] = queue },
        "Maximum",
        PeriodSeconds: 300,
        EvaluationPeriods: 1,
        Threshold: 0,
        "GreaterThanThreshold",
        "notBreaching",
        [topic],
        [topic]);

    // Any failed or throttled invocation in five minutes.
    private static ExpectedAlarm Function(string name, string metric, string function, string topic) => new(
        name,
        "AWS/Lambda",
        metric,
        new Dictionary<string, string> { ["FunctionName"] = function },
        "Sum",
        PeriodSeconds: 300,
        EvaluationPeriods: 1,
        Threshold: 0,
        "GreaterThanThreshold",
        "notBreaching",
        [topic],
        [topic]);
}
