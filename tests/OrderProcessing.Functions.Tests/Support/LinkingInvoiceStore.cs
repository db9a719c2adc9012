using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>An invoice store that hands out links, as the S3 store's presigned URLs do.</summary>
internal sealed class LinkingInvoiceStore : IInvoiceStore
{
    private readonly InMemoryInvoiceStore _inner = new();

    public TimeSpan? LastLifetime { get; private set; }

    public Task<string> PutAsync(string orderId, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken = default) => _inner.PutAsync(orderId, pdf, cancellationToken);

    public Task<byte[]?> GetAsync(string orderId, CancellationToken cancellationToken = default) => _inner.GetAsync(orderId, cancellationToken);

    public Task<Uri?> GetDownloadLinkAsync(string orderId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        LastLifetime = lifetime;
        return Task.FromResult<Uri?>(new Uri($"https://invoices.example.test/{orderId}.pdf?X-Amz-Expires={(int)lifetime.TotalSeconds}"));
    }
}
