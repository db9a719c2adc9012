using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrderProcessing.Local.Mail;

/// <summary>
/// The page's link to the customer e-mails: under <see cref="Path"/> the outbox's <c>.eml</c> files, newest first, each
/// downloadable (any mail client opens them); with <c>--smtp</c>, where they were sent and the maildev inbox to read them.
/// </summary>
public static class MailEndpoints
{
    /// <summary>The listing's path.</summary>
    public const string Path = "/_local/mail";

    /// <summary>Maps the routes for <paramref name="mail"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes, LocalMail mail)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(mail);
        routes.MapGet(Path, () => Results.Content(Listing(mail), "text/html; charset=utf-8"));
        routes.MapGet($"{Path}/{{file}}", (string file) =>
        {
            // Only a bare .eml name of the outbox: no path may climb out of it.
            if (mail.OutboxFolder is not { } folder || file != System.IO.Path.GetFileName(file) || !file.EndsWith(".eml", StringComparison.Ordinal))
            {
                return Results.NotFound();
            }

            var path = System.IO.Path.Combine(folder, file);
            return File.Exists(path) ? Results.File(path, "message/rfc822", file) : Results.NotFound();
        });
    }

    private static string Listing(LocalMail mail)
    {
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Customer e-mails</title></head><body style=\"font-family: sans-serif\"><h1>Customer e-mails</h1>");
        if (mail.OutboxFolder is { } folder)
        {
            var files = Directory.Exists(folder) ? new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).ToList() : [];
            html.Append("<p>Written to the outbox <code>").Append(WebUtility.HtmlEncode(folder)).Append("</code>: ").Append(files.Count).Append(" e-mail(s). Download one to open it in a mail client, or start with <code>--smtp</code> and maildev to read them in a browser.</p><ul>");
            foreach (var file in files)
            {
                var name = WebUtility.HtmlEncode(file.Name);
                html.Append("<li><a href=\"mail/").Append(Uri.EscapeDataString(file.Name)).Append("\">").Append(name).Append("</a></li>");
            }

            html.Append("</ul>");
        }
        else
        {
            html.Append("<p>Sent to the ").Append(WebUtility.HtmlEncode(mail.Description)).Append(". With maildev, read them at <a href=\"")
                .Append(mail.InboxUrl).Append("\">").Append(mail.InboxUrl).Append("</a>.</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
