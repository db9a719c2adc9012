using System.Globalization;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Local.Hosting;

namespace OrderProcessing.Local.Mail;

/// <summary>Where the local customer e-mails go, as the options ask: the outbox folder by default, or an SMTP server.</summary>
/// <param name="Transport">The transport the customer mail function sends with.</param>
/// <param name="Description">One line for the start-up banner.</param>
/// <param name="OutboxFolder">The outbox folder, or null when sending over SMTP.</param>
/// <param name="InboxUrl">Where a browser reads the e-mails sent over SMTP, guessed as maildev's default web inbox; null for the outbox.</param>
public sealed record LocalMail(IMailTransport Transport, string Description, string? OutboxFolder, Uri? InboxUrl)
{
    /// <summary>maildev's default web port, beside its SMTP port 1025.</summary>
    public const int MaildevWebPort = 1080;

    /// <summary>The mail of <paramref name="options"/>.</summary>
    public static LocalMail For(LocalOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Smtp is { } smtp)
        {
            var port = smtp.Port.ToString(CultureInfo.InvariantCulture);
            return new LocalMail(
                new SmtpMailTransport(smtp, TimeSpan.FromSeconds(10)),
                $"SMTP server {smtp.Host}:{port}",
                null,
                new UriBuilder(Uri.UriSchemeHttp, smtp.Host, MaildevWebPort).Uri);
        }

        var outbox = new OutboxMailTransport(options.MailOutbox, clock);
        return new LocalMail(outbox, $"outbox {outbox.Folder} (.eml files)", outbox.Folder, null);
    }
}
