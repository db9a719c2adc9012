namespace OrderProcessing.Core.Notifications;

/// <summary>
/// Records, per (order, e-mail), that an e-mail is being sent and that it was sent, so a redelivered or reordered event
/// never sends it twice. A claim is a lease: a sender that crashes between claiming and recording leaves a claim that
/// expires, and the next delivery takes it over and sends again (at least once: a duplicate in that narrow window is
/// preferred to a customer never told). Records outlive every redelivery of the event.
/// </summary>
public interface ICustomerMailLedger
{
    /// <summary>Claims (<paramref name="orderId"/>, <paramref name="kind"/>) for <paramref name="claimId"/> until <paramref name="leaseUntil"/>, unless it was sent or another unexpired claim holds it.</summary>
    Task<MailClaimResult> TryClaimAsync(string orderId, CustomerMailKind kind, string claimId, DateTimeOffset leaseUntil, CancellationToken cancellationToken = default);

    /// <summary>Records the e-mail as sent (with the transport's message id) under the claim <paramref name="claimId"/> holds.</summary>
    Task MarkSentAsync(string orderId, CustomerMailKind kind, string claimId, string messageId, CancellationToken cancellationToken = default);

    /// <summary>Gives up the claim <paramref name="claimId"/> holds (the send failed), so the next delivery may send at once; a claim taken over since is left alone.</summary>
    Task ReleaseAsync(string orderId, CustomerMailKind kind, string claimId, CancellationToken cancellationToken = default);
}
