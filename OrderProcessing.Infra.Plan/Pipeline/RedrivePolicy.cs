using System.Text.Json.Nodes;

namespace OrderProcessing.Infra.Plan.Pipeline;

/// <summary>An SQS redrive policy: after <c>maxReceiveCount</c> receives a message moves to the dead-letter queue instead of being dropped.</summary>
public static class RedrivePolicy
{
    /// <summary>The policy as SQS expects it.</summary>
    public static string ToJson(string deadLetterQueueArn, int maxReceiveCount) => new JsonObject
    {
        ["deadLetterTargetArn"] = deadLetterQueueArn,
        ["maxReceiveCount"] = maxReceiveCount,
    }.ToJsonString(PlanJson.Options);
}
