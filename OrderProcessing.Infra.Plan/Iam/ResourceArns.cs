namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>
/// The ARNs a function's policy is scoped to, as deployed. The Pulumi program fills it from resource outputs; tests fill it
/// with sample ARNs.
/// </summary>
/// <param name="Tables">Table ARN by logical table name (<c>orders</c>).</param>
/// <param name="Buckets">Bucket ARN by logical bucket name (<c>invoices</c>).</param>
/// <param name="LogGroup">The ARN of the function's own log group, without the <c>:*</c> stream suffix.</param>
/// <param name="OwnQueue">The ARN of the function's stage queue; null for functions without one.</param>
public sealed record ResourceArns(
    IReadOnlyDictionary<string, string> Tables,
    IReadOnlyDictionary<string, string> Buckets,
    string LogGroup,
    string? OwnQueue)
{
    /// <summary>The ARN of the stack's SES e-mail identity; null when the function sends no e-mail.</summary>
    public string? MailIdentity { get; init; }

    /// <summary>The ARN of the stack's SES configuration set; null when the function sends no e-mail.</summary>
    public string? MailConfigurationSet { get; init; }
}
