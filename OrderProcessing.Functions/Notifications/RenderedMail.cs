namespace OrderProcessing.Functions.Notifications;

/// <summary>One rendered customer e-mail before it becomes MIME: the subject and both bodies.</summary>
/// <param name="Subject">The subject line, with the order number.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
public sealed record RenderedMail(string Subject, string Text, string Html);
