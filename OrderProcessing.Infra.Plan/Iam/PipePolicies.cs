namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>The policies of the pipes' roles: read the orders stream, deliver to one target, park failures in one dead-letter queue.</summary>
public static class PipePolicies
{
    /// <summary>What a pipe needs to poll a DynamoDB stream (the actions EventBridge Pipes documents for a DynamoDB source).</summary>
    public static IReadOnlyList<string> StreamReadActions { get; } =
        ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"];

    /// <summary>The role policy of a stage pipe: read <paramref name="streamArn"/>, send to the stage queue, record failures in the pipes' DLQ.</summary>
    public static PolicyDocument ForStage(string streamArn, string queueArn, string deadLetterQueueArn) => new()
    {
        Statement =
        [
            PolicyStatement.Allow(StreamReadActions, [streamArn]),
            PolicyStatement.Allow(["sqs:SendMessage"], [queueArn, deadLetterQueueArn]),
        ],
    };

    /// <summary>The role policy of the order events pipe: read <paramref name="streamArn"/>, publish to the topic, record failures in the pipes' DLQ.</summary>
    public static PolicyDocument ForOrderEvents(string streamArn, string topicArn, string deadLetterQueueArn) => new()
    {
        Statement =
        [
            PolicyStatement.Allow(StreamReadActions, [streamArn]),
            PolicyStatement.Allow(["sns:Publish"], [topicArn]),
            PolicyStatement.Allow(["sqs:SendMessage"], [deadLetterQueueArn]),
        ],
    };
}
