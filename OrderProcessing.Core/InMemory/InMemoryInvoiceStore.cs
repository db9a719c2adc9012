using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Core.InMemory;

/// <summary>Invoice PDFs in process memory; serves bytes, never links.</summary>
public sealed class InMemoryInvoiceStore : IInvoiceStore
{
    private readonly Dictionary<string, byte[]> _pdfs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public Task<string> PutAsync(string orderId, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _pdfs[orderId] = pdf.ToArray();
        }

        return Task.FromResult(InvoiceKeys.For(orderId));
    }

    /// <inheritdoc />
    public Task<byte[]?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_pdfs.TryGetValue(orderId, out var pdf) ? pdf.ToArray() : null);
        }
    }

    /// <inheritdoc />
    public Task<Uri?> GetDownloadLinkAsync(string orderId, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        Task.FromResult<Uri?>(null);
}
