using System.Globalization;
using MimeKit;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Functions.Notifications;

/// <summary>
/// Builds the customer's e-mail for an order as an RFC 5322 message with MimeKit: the subject with the order number, a
/// plain-text and an HTML part rendered from <see cref="MailTemplates"/>, amounts in the order's currency, and for a
/// completed order the invoice PDF attached (or linked when larger than <see cref="MaxAttachmentBytes"/>). MimeKit encodes
/// non-ASCII names in headers (RFC 2047) and attachment names (RFC 2231); bodies are UTF-8. The Message-ID is derived
/// from the order and the e-mail, so a rare second send (see the ledger) is recognisably the same message.
/// </summary>
public sealed class CustomerMailComposer
{
    /// <summary>
    /// Largest invoice attached, 5 MiB: far above a real invoice (100 lines render to tens of KiB), far below SES's 40 MB
    /// message limit and common 10 to 25 MB inbox limits once base64 adds a third.
    /// </summary>
    public const int MaxAttachmentBytes = 5 * 1024 * 1024;

    private readonly MailboxAddress _sender;
    private readonly string _shopName;
    private readonly MailTemplates _templates;

    /// <summary>Composes e-mails from <paramref name="sender"/> (<c>Shop &lt;shop@example.com&gt;</c>, RFC 5322), signed by <paramref name="shopName"/>.</summary>
    public CustomerMailComposer(string sender, string shopName, MailTemplates? templates = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sender);
        ArgumentException.ThrowIfNullOrWhiteSpace(shopName);
        _sender = MailboxAddress.TryParse(sender, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal)
            ? parsed
            : throw new ArgumentException($"The sender '{sender}' is not an e-mail address.", nameof(sender));
        _shopName = shopName;
        _templates = templates ?? MailTemplates.Embedded;
    }

    /// <summary>The sender's address.</summary>
    public string SenderAddress => _sender.Address;

    /// <summary>The Message-ID of <paramref name="kind"/> for <paramref name="orderId"/>.</summary>
    public string MessageIdFor(string orderId, CustomerMailKind kind) =>
        $"{orderId}.{MailTemplates.FileName(kind)}@{_sender.Domain}";

    /// <summary>Renders <paramref name="kind"/> for <paramref name="order"/>; <paramref name="invoice"/> is needed for <see cref="CustomerMailKind.Completed"/>.</summary>
    public MimeMessage Compose(Order order, CustomerMailKind kind, InvoiceForMail? invoice = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (kind == CustomerMailKind.Completed && invoice is null)
        {
            throw new ArgumentException("A completed order's e-mail needs its invoice.", nameof(invoice));
        }

        var rendered = _templates.Render(kind, Values(order, kind, invoice));
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            MessageId = MessageIdFor(order.OrderId, kind),
            Date = order.History.LastOrDefault(h => h.Status == CustomerMails.StatusOf(kind))?.At ?? order.UpdatedAt,
        };
        message.From.Add(_sender);
        message.To.Add(new MailboxAddress(order.Customer.Name, order.Customer.Email));
        message.Headers.Add("X-Order-Id", order.OrderId);

        var body = new BodyBuilder { TextBody = rendered.Text, HtmlBody = rendered.Html };
        if (invoice?.Pdf is { } pdf)
        {
            body.Attachments.Add($"invoice-{order.OrderId}.pdf", pdf, new ContentType("application", "pdf"));
        }

        message.Body = body.ToMessageBody();

        // Seven-bit safe (quoted-printable or base64 bodies), so any SMTP relay or SES takes it unchanged.
        message.Prepare(EncodingConstraint.SevenBit);
        return message;
    }

    /// <summary>The template values of <paramref name="order"/> for <paramref name="kind"/>.</summary>
    public IReadOnlyDictionary<string, object> Values(Order order, CustomerMailKind kind, InvoiceForMail? invoice)
    {
        ArgumentNullException.ThrowIfNull(order);
        var address = order.ShippingAddress;
        var addressLines = new[]
        {
            order.Customer.Name,
            address.Line1,
            address.Line2,
            string.Join(" ", new[] { address.PostalCode, address.City, address.Region }.Where(s => !string.IsNullOrWhiteSpace(s))),
            address.Country,
        };
        var entered = CustomerMails.StatusOf(kind);
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["orderId"] = order.OrderId,
            ["customerName"] = order.Customer.Name,
            ["shopName"] = _shopName,
            ["total"] = order.Total.ToString(),
            ["reason"] = order.History.LastOrDefault(h => h.Status == entered)?.Reason ?? "",
            ["trackingNumber"] = order.TrackingNumber ?? "",
            ["refunded"] = kind == CustomerMailKind.Cancelled && order.History.Any(h => h.Status == OrderStatus.Paid),
            ["invoiceNumber"] = invoice?.Number ?? "",
            ["invoiceAttached"] = invoice?.Pdf is not null,
            ["invoiceLink"] = invoice?.Pdf is null && invoice?.Link is { } link ? link.ToString() : "",
            ["addressLines"] = addressLines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => Row(("line", l!))).ToList(),
            ["lines"] = order.Lines.Select(l => Row(
                ("name", l.Name),
                ("productId", l.ProductId),
                ("quantity", l.Quantity.ToString(CultureInfo.InvariantCulture)),
                ("unitPrice", l.UnitPrice.ToString()),
                ("lineTotal", l.LineTotal.ToString()))).ToList(),
        };
    }

    private static IReadOnlyDictionary<string, object> Row(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => (object)v.Value, StringComparer.Ordinal);
}
