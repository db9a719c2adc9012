namespace OrderProcessing.Topology.Naming;

/// <summary>The kinds of physical AWS names the plan chooses; each has its own length limit and alphabet (<see cref="AwsNameRules"/>).</summary>
public enum NameKind
{
    /// <summary>A DynamoDB table.</summary>
    DynamoDbTable,

    /// <summary>A Lambda function.</summary>
    LambdaFunction,

    /// <summary>A Lambda alias.</summary>
    LambdaAlias,

    /// <summary>An IAM role.</summary>
    IamRole,

    /// <summary>An inline policy of an IAM role.</summary>
    IamRolePolicy,

    /// <summary>An SQS queue (standard).</summary>
    SqsQueue,

    /// <summary>An EventBridge pipe.</summary>
    Pipe,

    /// <summary>An SNS topic.</summary>
    SnsTopic,

    /// <summary>A CloudWatch Logs log group.</summary>
    LogGroup,

    /// <summary>A CloudWatch alarm.</summary>
    Alarm,

    /// <summary>A CloudWatch dashboard.</summary>
    Dashboard,

    /// <summary>The prefix S3 completes into a unique bucket name.</summary>
    S3BucketPrefix,

    /// <summary>An API Gateway REST API.</summary>
    RestApi,

    /// <summary>An API Gateway stage.</summary>
    ApiStage,

    /// <summary>An API Gateway usage plan.</summary>
    UsagePlan,

    /// <summary>An API Gateway API key.</summary>
    ApiKey,

    /// <summary>An EventBridge rule (the schedule of a scheduled function).</summary>
    EventRule,
}
