using MimeKit;

namespace OrderProcessing.Functions.Notifications;

/// <summary>Hands a composed e-mail to a mail system: SES in AWS; an outbox folder or an SMTP server locally.</summary>
public interface IMailTransport
{
    /// <summary>Sends <paramref name="message"/> and returns the mail system's id for it; throws when it was not accepted.</summary>
    Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);
}
