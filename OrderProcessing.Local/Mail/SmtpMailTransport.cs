using System.Net;
using System.Net.Sockets;
using ServiceNotConnectedException = MailKit.ServiceNotConnectedException;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using OrderProcessing.Core.Common;
using IMailTransport = OrderProcessing.Functions.Notifications.IMailTransport;

namespace OrderProcessing.Local.Mail;

/// <summary>
/// Sends customer e-mail to an SMTP server with MailKit (maildev or smtp-server locally): one connection per message, so
/// a server that restarts costs nothing but the message in hand. A server that cannot be reached or answers a 4xx is a
/// <see cref="TransientFailureException"/>; a 5xx refusal is an <see cref="InvalidOperationException"/>. Both fail the
/// message, which the dispatcher retries and dead-letters; no other function waits for it.
/// </summary>
public sealed class SmtpMailTransport(DnsEndPoint server, TimeSpan timeout) : IMailTransport
{
    /// <summary>The server.</summary>
    public DnsEndPoint Server { get; } = server ?? throw new ArgumentNullException(nameof(server));

    /// <inheritdoc />
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        try
        {
            // A local development server speaks plain SMTP; STARTTLS is used when it offers it.
            await client.ConnectAsync(Server.Host, Server.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken).ConfigureAwait(false);
            var answer = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return string.IsNullOrWhiteSpace(answer) ? message.MessageId ?? "" : $"{message.MessageId} ({answer.Trim()})";
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new InvalidOperationException($"SMTP server {Server.Host}:{Server.Port} refused the e-mail: {(int)e.StatusCode} {e.Message}", e);
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or TimeoutException)
        {
            throw new TransientFailureException($"SMTP server {Server.Host}:{Server.Port} did not take the e-mail: {e.Message}", e);
        }
    }
}
