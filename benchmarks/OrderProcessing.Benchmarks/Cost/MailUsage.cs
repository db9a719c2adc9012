namespace OrderProcessing.Benchmarks.Cost;

/// <summary>What the customer e-mail function sent through SES per order in the cost sample, as the SES endpoint received it.</summary>
/// <param name="EmailsPerOrder">E-mails sent per order (one recipient each).</param>
/// <param name="AttachmentBytesPerOrder">Bytes of attachments per order as sent: each attachment's content in the raw message (base64), which SES bills.</param>
/// <param name="MessageBytesPerOrder">Bytes of raw MIME messages per order (headers, bodies and attachments).</param>
public sealed record MailUsage(double EmailsPerOrder, double AttachmentBytesPerOrder, double MessageBytesPerOrder);
