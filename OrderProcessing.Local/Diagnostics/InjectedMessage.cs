namespace OrderProcessing.Local.Diagnostics;

/// <summary>The answer to a message injected into a stage queue.</summary>
/// <param name="Stage">The stage queue.</param>
/// <param name="MessageId">The new message's id.</param>
public sealed record InjectedMessage(string Stage, string MessageId);
