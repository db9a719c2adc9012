namespace OrderProcessing.Infra.Components;

/// <summary>The type tokens of the stack's components (<c>package:module:type</c>), as they appear in URNs and the console.</summary>
internal static class ComponentTypes
{
    public const string DynamoDbTables = "order-processing:storage:Tables";
    public const string PrivateBucket = "order-processing:storage:PrivateBucket";
    public const string LambdaFunction = "order-processing:compute:LambdaFunction";
    public const string PipelineStage = "order-processing:pipeline:PipelineStage";
    public const string Notifications = "order-processing:pipeline:Notifications";

    /// <summary>Customer e-mail in SES.</summary>
    public const string CustomerMail = "order-processing:notifications:CustomerMail";
    public const string Api = "order-processing:api:Api";
    public const string Monitoring = "order-processing:monitoring:Monitoring";

    /// <summary>Type of <see cref="SignIn"/>.</summary>
    public const string SignIn = "order-processing:identity:SignIn";

    /// <summary>Type of <see cref="ShopPage"/>.</summary>
    public const string ShopPage = "order-processing:shop:ShopPage";

    /// <summary>Type of <see cref="ScheduledFunction"/>.</summary>
    public const string ScheduledFunction = "order-processing:compute:ScheduledFunction";
}
