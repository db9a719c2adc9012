namespace OrderProcessing.Functions.Notifications;

/// <summary>The invoice of a completed order as the e-mail carries it: the PDF attached, or a link when it is too large.</summary>
/// <param name="Number">The invoice number.</param>
/// <param name="Pdf">The PDF, attached when at most <see cref="CustomerMailComposer.MaxAttachmentBytes"/>; null otherwise.</param>
/// <param name="Link">Where to download it when not attached.</param>
public sealed record InvoiceForMail(string Number, byte[]? Pdf, Uri? Link);
