namespace OrderProcessing.Core.Notifications;

/// <summary>The answer of <see cref="ICustomerMailLedger.TryClaimAsync"/>.</summary>
public enum MailClaimResult
{
    /// <summary>The caller holds the claim until its lease ends: send, then record it sent (or release it on failure).</summary>
    Claimed,

    /// <summary>The e-mail was sent already: send nothing.</summary>
    AlreadySent,

    /// <summary>Another delivery holds an unexpired claim and may be sending right now: try again after the lease.</summary>
    HeldByAnother,
}
