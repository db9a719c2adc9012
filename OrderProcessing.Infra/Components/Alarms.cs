using OrderProcessing.Infra.Plan.Monitoring;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>Turns an alarm the plan decided into a CloudWatch alarm that notifies the operations topic.</summary>
internal static class Alarms
{
    /// <summary>Creates <paramref name="alarm"/> as a child of <paramref name="parent"/>, notifying <paramref name="topicArn"/> on alarm and on recovery.</summary>
    public static Aws.CloudWatch.MetricAlarm Create(string resourceName, AlarmDefinition alarm, Input<string> topicArn, Resource parent) =>
        new(resourceName, new Aws.CloudWatch.MetricAlarmArgs
        {
            Name = alarm.Name,
            AlarmDescription = alarm.Description,
            Namespace = alarm.Namespace,
            MetricName = alarm.MetricName,
            Dimensions = new Dictionary<string, string>(alarm.Dimensions),
            Statistic = alarm.Statistic,
            Period = alarm.PeriodSeconds,
            EvaluationPeriods = alarm.EvaluationPeriods,
            Threshold = alarm.Threshold,
            ComparisonOperator = AlarmDefinition.ComparisonOperator,
            TreatMissingData = AlarmDefinition.TreatMissingData,
            AlarmActions = { topicArn },
            OkActions = { topicArn },
        }, new CustomResourceOptions { Parent = parent });
}
