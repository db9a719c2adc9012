namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>The policy of the stream pipe's role: read the orders stream, publish to the order events topic, park failures in its dead-letter queue.</summary>
public static class PipePolicies
{
    /// <summary>
    /// What the pipe needs to poll the DynamoDB stream it is given by ARN. <c>dynamodb:ListStreams</c> is left out on
    /// purpose: it is authorised only on <c>*</c>, so scoped to the stream ARN it granted nothing, and the pipe never lists
    /// streams because its source is the stream ARN itself.
    /// </summary>
    public static IReadOnlyList<string> StreamReadActions { get; } =
        ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

    /// <summary>The role policy of the stream pipe: read <paramref name="streamArn"/>, publish to the topic, record failures in the pipe's DLQ.</summary>
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
