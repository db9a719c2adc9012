namespace OrderProcessing.Core.Invoices;

/// <summary>Storage port for invoice PDFs, one per order; writing the same order again overwrites with the same content.</summary>
public interface IInvoiceStore
{
    /// <summary>Stores the PDF and returns its storage key.</summary>
    Task<string> PutAsync(string orderId, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken = default);

    /// <summary>The PDF bytes, or null when none is stored.</summary>
    Task<byte[]?> GetAsync(string orderId, CancellationToken cancellationToken = default);

    /// <summary>A link valid for <paramref name="lifetime"/>, or null when this store serves bytes instead of links.</summary>
    Task<Uri?> GetDownloadLinkAsync(string orderId, TimeSpan lifetime, CancellationToken cancellationToken = default);
}
