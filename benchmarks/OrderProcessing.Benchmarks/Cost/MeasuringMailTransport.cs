using MimeKit;
using OrderProcessing.Functions.Notifications;

namespace OrderProcessing.Benchmarks.Cost;

/// <summary>
/// The mail transport behind the SES endpoint in the cost sample: measures each e-mail as SES received it, then hands
/// it to <paramref name="inner"/>. Measured when sent because the endpoint disposes the message once the transport took it.
/// </summary>
/// <param name="inner">Where the e-mail goes after it is measured.</param>
public sealed class MeasuringMailTransport(IMailTransport inner) : IMailTransport
{
    // The raw message as the SES adapter wrote it (CRLF lines).
    private static readonly FormatOptions Wire = new() { NewLineFormat = NewLineFormat.Dos };

    private readonly CountingStream _messages = new();
    private readonly CountingStream _attachments = new();
    private long _sent;

    /// <summary>E-mails sent so far.</summary>
    public long Sent => Interlocked.Read(ref _sent);

    /// <summary>Bytes of raw messages sent so far (headers, bodies and attachments).</summary>
    public long MessageBytes => _messages.Written;

    /// <summary>Bytes of attachments sent so far: each attachment's content as carried in the message (base64), which SES bills as attachment data.</summary>
    public long AttachmentBytes => _attachments.Written;

    /// <summary>Starts counting again from zero (after the warm-up).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _sent, 0);
        _messages.Reset();
        _attachments.Reset();
    }

    /// <inheritdoc />
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await message.WriteToAsync(Wire, _messages, cancellationToken).ConfigureAwait(false);
        foreach (var attachment in message.Attachments)
        {
            await attachment.WriteToAsync(Wire, _attachments, contentOnly: true, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _sent);
        return await inner.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
