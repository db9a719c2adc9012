namespace OrderProcessing.Infra.Plan.Settings;

/// <summary>
/// The configuration keys of a stack, in the <c>order-processing</c> namespace (<c>pulumi config set order-processing:&lt;key&gt; ...</c>).
/// <c>Pulumi.dev.yaml</c> and <c>Pulumi.prod.yaml</c> set every required key; <see cref="StackSettings.Load"/> validates them.
/// </summary>
public static class SettingKeys
{
    /// <summary>The configuration namespace: the Pulumi project name.</summary>
    public const string Namespace = "order-processing";

    /// <summary>Required. Environment name the functions see (<c>APP_ENVIRONMENT</c>) and resources are tagged with: lowercase letters, digits and hyphens, starting with a letter, at most 20 characters.</summary>
    public const string Environment = "environment";

    /// <summary>Required. Days CloudWatch keeps function logs; one of the values CloudWatch Logs accepts (see <see cref="LogRetention.AllowedDays"/>).</summary>
    public const string LogRetentionDays = "logRetentionDays";

    /// <summary>Required. <c>true</c> turns on DynamoDB deletion protection and keeps a non-empty invoices bucket on destroy; <c>false</c> lets <c>pulumi destroy</c> remove everything.</summary>
    public const string DeletionProtection = "deletionProtection";

    /// <summary>
    /// Required. How callers authenticate to the REST API: <c>cognito</c> (customers and operators sign in to the stack's
    /// Cognito user pool; API Gateway's Cognito authorizer guards every route that is not public), <c>iam</c> (SigV4-signed
    /// requests) or <c>apiKey</c> (an API key in the <c>x-api-key</c> header, with a usage plan). With <c>iam</c> and
    /// <c>apiKey</c> every caller is an operator (a machine caller). The api function's <c>API_AUTH</c> says the same.
    /// </summary>
    public const string ApiAuth = "apiAuth";

    /// <summary>Required. Steady-state request rate the API accepts, in requests per second (greater than 0, at most 10000).</summary>
    public const string ThrottleRateLimit = "throttleRateLimit";

    /// <summary>Required. Burst of requests the API accepts above the rate limit (1 to 5000).</summary>
    public const string ThrottleBurstLimit = "throttleBurstLimit";

    /// <summary>Optional. E-mail addresses subscribed to the operations topic that receives every alarm (a YAML list). Each must confirm the subscription e-mail AWS sends. Default: none.</summary>
    public const string AlarmEmails = "alarmEmails";

    /// <summary>Required. Lifetime of a presigned invoice link in seconds (60 to 3600; a link signed with a function's temporary credentials cannot outlive them).</summary>
    public const string InvoiceLinkSeconds = "invoiceLinkSeconds";

    /// <summary>Required. Days after which invoice PDFs move to S3 Standard-IA (at least 30, S3's minimum for that class).</summary>
    public const string InvoiceTransitionDays = "invoiceTransitionDays";

    /// <summary>Required. Days after which invoice PDFs are deleted; greater than <see cref="InvoiceTransitionDays"/>, at most 3650.</summary>
    public const string InvoiceExpirationDays = "invoiceExpirationDays";

    /// <summary>Required. Folder holding the functions' Native AOT executable <c>bootstrap</c>, as <c>scripts/publish-functions.sh</c> writes it (<c>artifacts/functions</c>), absolute or relative to the folder of <c>Pulumi.yaml</c>.</summary>
    public const string ArtifactPath = "artifactPath";

    /// <summary>
    /// Required. The browser origin allowed to call the API: <c>shop</c> (the stack's own shop page on CloudFront, whose
    /// URL is known only at deployment), <c>*</c>, or an origin such as <c>https://shop.example.com</c>.
    /// </summary>
    public const string CorsAllowOrigin = "corsAllowOrigin";

    /// <summary>Optional. Memory overrides in MB by function name (a YAML map such as <c>api: 1536</c>; 128 to 10240). Default: the topology's memory.</summary>
    public const string FunctionMemory = "functionMemory";

    /// <summary>
    /// Required. Concurrent executions reserved for the API function (1 to 900): the API always has them, whatever the
    /// stages' backlog, and never takes more. 900 is the default account limit of 1,000 minus the 100 Lambda keeps unreserved.
    /// </summary>
    public const string ApiReservedConcurrency = "apiReservedConcurrency";

    /// <summary>
    /// Required. The sender of customer e-mail, RFC 5322 (<c>Shop &lt;orders@shop.example.com&gt;</c>): the stack creates
    /// its SES e-mail identity, which must be verified (a link SES e-mails to it) before anything is sent.
    /// </summary>
    public const string MailSender = "mailSender";

    /// <summary>The key as written in a stack file and on the command line (<c>order-processing:logRetentionDays</c>).</summary>
    public static string Qualified(string key) => $"{Namespace}:{key}";
}
