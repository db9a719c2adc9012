using MimeKit;
using OrderProcessing.Functions.Notifications;

namespace OrderProcessing.Local.Mail;

/// <summary>
/// The local default for customer e-mail: each message written as an RFC 5322 <c>.eml</c> file (CRLF line ends) to the
/// outbox folder, named by time, order and message so a listing reads in order; any mail client opens them.
/// </summary>
public sealed class OutboxMailTransport : IMailTransport
{
    private static readonly FormatOptions WireFormat = new() { NewLineFormat = NewLineFormat.Dos };
    private readonly TimeProvider _clock;

    /// <summary>Writes to <paramref name="folder"/>, created when missing.</summary>
    public OutboxMailTransport(string folder, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Folder = Path.GetFullPath(folder);
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Directory.CreateDirectory(Folder);
    }

    /// <summary>The outbox's full path.</summary>
    public string Folder { get; }

    /// <inheritdoc />
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var safeId = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var path = Path.Combine(Folder, $"{_clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{safeId}.eml");

        // Written aside and moved into place, so a reader of the folder never sees half a message.
        var partial = path + ".partial";
        await using (var file = File.Create(partial))
        {
            await message.WriteToAsync(WireFormat, file, cancellationToken).ConfigureAwait(false);
        }

        File.Move(partial, path, overwrite: true);
        return message.MessageId ?? path;
    }
}
