using MimeKit;

namespace OrderProcessing.Functions.Notifications;

/// <summary>Keeps every e-mail in process memory (tests and in-memory compositions that send nowhere).</summary>
public sealed class InMemoryMailTransport : IMailTransport
{
    private readonly List<MimeMessage> _sent = [];
    private readonly Lock _gate = new();

    /// <summary>The e-mails sent so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <inheritdoc />
    public Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            _sent.Add(message);
        }

        return Task.FromResult(message.MessageId ?? "");
    }
}
