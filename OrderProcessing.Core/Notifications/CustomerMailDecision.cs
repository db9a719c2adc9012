namespace OrderProcessing.Core.Notifications;

/// <summary>The decision for one order event: the outcome, the e-mail when one is sent, and why, for the log.</summary>
/// <param name="Outcome">What to do.</param>
/// <param name="Kind">The e-mail to send when <paramref name="Outcome"/> is <see cref="CustomerMailOutcome.Send"/>.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record CustomerMailDecision(CustomerMailOutcome Outcome, CustomerMailKind? Kind, string Detail);
