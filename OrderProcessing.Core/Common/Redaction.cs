namespace OrderProcessing.Core.Common;

/// <summary>Masks personal and payment data before it reaches a log line.</summary>
public static class Redaction
{
    /// <summary><c>jane.doe@example.com</c> becomes <c>j***@example.com</c>; anything without an <c>@</c> becomes <c>***</c>.</summary>
    public static string MaskEmail(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }

        var at = email.LastIndexOf('@');
        return at <= 0 ? "***" : string.Concat(email.AsSpan(0, 1), "***", email.AsSpan(at));
    }

    /// <summary>A payment token is never logged; only whether one was present.</summary>
    public static string MaskToken(string? token) => string.IsNullOrEmpty(token) ? "" : "tok_***";
}
