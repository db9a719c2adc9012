namespace OrderProcessing.Core.Notifications;

/// <summary>What to do with one order event for the customer's e-mail.</summary>
public enum CustomerMailOutcome
{
    /// <summary>Send the e-mail (once: the ledger's claim decides who sends it).</summary>
    Send,

    /// <summary>Send nothing: no e-mail for that status, the order is gone, or the e-mail would be stale.</summary>
    Skip,

    /// <summary>The stored order has not caught up with the event yet (an eventually consistent read): try again later.</summary>
    NotYetVisible,
}
