using OrderProcessing.Core.Notifications;

namespace OrderProcessing.Core.InMemory;

/// <summary>The customer mail ledger in process memory (tests and the local host's in-memory storage).</summary>
public sealed class InMemoryCustomerMailLedger(TimeProvider clock) : ICustomerMailLedger
{
    private readonly Dictionary<(string OrderId, CustomerMailKind Kind), Entry> _entries = [];
    private readonly Lock _gate = new();

    /// <summary>The e-mails recorded as sent, as (order, kind, message id).</summary>
    public IReadOnlyList<(string OrderId, CustomerMailKind Kind, string MessageId)> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries.Where(e => e.Value.MessageId is not null).Select(e => (e.Key.OrderId, e.Key.Kind, e.Value.MessageId!))];
            }
        }
    }

    /// <inheritdoc />
    public Task<MailClaimResult> TryClaimAsync(string orderId, CustomerMailKind kind, string claimId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((orderId, kind), out var entry))
            {
                if (entry.MessageId is not null)
                {
                    return Task.FromResult(MailClaimResult.AlreadySent);
                }

                if (entry.LeaseUntil > clock.GetUtcNow())
                {
                    return Task.FromResult(MailClaimResult.HeldByAnother);
                }
            }

            _entries[(orderId, kind)] = new Entry(claimId, leaseUntil, null);
            return Task.FromResult(MailClaimResult.Claimed);
        }
    }

    /// <inheritdoc />
    public Task MarkSentAsync(string orderId, CustomerMailKind kind, string claimId, string messageId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Recorded even when the lease was taken over meanwhile: the e-mail did go out, and saying so stops further sends.
            _entries[(orderId, kind)] = new Entry(claimId, DateTimeOffset.MaxValue, messageId);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task ReleaseAsync(string orderId, CustomerMailKind kind, string claimId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((orderId, kind), out var entry) && entry.ClaimId == claimId && entry.MessageId is null)
            {
                _entries.Remove((orderId, kind));
            }

            return Task.CompletedTask;
        }
    }

    private sealed record Entry(string ClaimId, DateTimeOffset LeaseUntil, string? MessageId);
}
