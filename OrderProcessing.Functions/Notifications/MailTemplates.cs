using System.Collections.Frozen;
using OrderProcessing.Core.Notifications;

namespace OrderProcessing.Functions.Notifications;

/// <summary>
/// The customer e-mail templates: the files under <c>Notifications/Templates</c>, embedded in this assembly, the one
/// source both the Lambda function and the local host render. Per e-mail a <c>.txt</c> (first line <c>Subject: ...</c>,
/// a blank line, then the plain-text body) and an <c>.html</c> body; each body is placed in its layout's <c>{{content}}</c>.
/// </summary>
public sealed class MailTemplates
{
    private const string SubjectPrefix = "Subject: ";
    private const string ResourcePrefix = "OrderProcessing.Functions.Notifications.Templates.";

    private MailTemplates(FrozenDictionary<CustomerMailKind, Entry> entries, MailTemplate textLayout, MailTemplate htmlLayout)
    {
        Entries = entries;
        TextLayout = textLayout;
        HtmlLayout = htmlLayout;
    }

    /// <summary>The templates embedded in this assembly, read once.</summary>
    public static MailTemplates Embedded { get; } = Load();

    private FrozenDictionary<CustomerMailKind, Entry> Entries { get; }

    private MailTemplate TextLayout { get; }

    private MailTemplate HtmlLayout { get; }

    /// <summary>The file name (without extension) of <paramref name="kind"/>'s templates, <c>order-received</c>.</summary>
    public static string FileName(CustomerMailKind kind) => kind switch
    {
        CustomerMailKind.OrderReceived => "order-received",
        CustomerMailKind.PaymentFailed => "payment-failed",
        CustomerMailKind.Shipped => "shipped",
        CustomerMailKind.Completed => "completed",
        CustomerMailKind.Cancelled => "cancelled",
        CustomerMailKind.OutOfStock => "out-of-stock",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Renders <paramref name="kind"/>'s subject, plain-text and HTML bodies with <paramref name="values"/>.</summary>
    public RenderedMail Render(CustomerMailKind kind, IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entry = Entries[kind];
        var subject = entry.Subject.Render(values);
        var withSubject = new Dictionary<string, object>(values, StringComparer.Ordinal) { ["subject"] = subject };
        var text = TextLayout.Render(new Dictionary<string, object>(withSubject, StringComparer.Ordinal) { ["content"] = entry.Text.Render(withSubject).TrimEnd() });

        var html = HtmlLayout.Render(new Dictionary<string, object>(withSubject, StringComparer.Ordinal) { ["content"] = entry.Html.Render(withSubject).TrimEnd() });
        return new RenderedMail(subject, text, html);
    }

    private static MailTemplates Load()
    {
        var entries = Enum.GetValues<CustomerMailKind>().ToFrozenDictionary(k => k, k =>
        {
            var text = Read(FileName(k) + ".txt");
            if (!text.StartsWith(SubjectPrefix, StringComparison.Ordinal) || text.IndexOf("\n\n", StringComparison.Ordinal) is var blank && blank < 0)
            {
                throw new InvalidOperationException($"Template {FileName(k)}.txt must start with '{SubjectPrefix}...' and a blank line.");
            }

            var subjectLine = text[SubjectPrefix.Length..text.IndexOf('\n', StringComparison.Ordinal)];
            return new Entry(new MailTemplate(subjectLine, html: false), new MailTemplate(text[(blank + 2)..], html: false), new MailTemplate(Read(FileName(k) + ".html"), html: true));
        });
        return new MailTemplates(entries, new MailTemplate(Read("layout.txt"), html: false), new MailTemplate(Read("layout.html"), html: true));
    }

    private static string Read(string file)
    {
        using var stream = typeof(MailTemplates).Assembly.GetManifestResourceStream(ResourcePrefix + file)
            ?? throw new InvalidOperationException($"The e-mail template {file} is not embedded in {typeof(MailTemplates).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private sealed record Entry(MailTemplate Subject, MailTemplate Text, MailTemplate Html);
}
