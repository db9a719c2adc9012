using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Reliability.Faults;

/// <summary>Injects faults around every call of an <see cref="IInvoiceStore"/>.</summary>
internal sealed class FaultyInvoiceStore(IInvoiceStore inner, PortFaults faults) : IInvoiceStore
{
    public Task<string> PutAsync(string orderId, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken = default) =>
        faults.WriteAsync("invoices.put", orderId, "", () => inner.PutAsync(orderId, pdf, cancellationToken));

    public Task<byte[]?> GetAsync(string orderId, CancellationToken cancellationToken = default) =>
        faults.ReadAsync("invoices.get", orderId, "", () => inner.GetAsync(orderId, cancellationToken));

    public Task<Uri?> GetDownloadLinkAsync(string orderId, TimeSpan lifetime, CancellationToken cancellationToken = default) =>
        faults.ReadAsync("invoices.link", orderId, "", () => inner.GetDownloadLinkAsync(orderId, lifetime, cancellationToken));
}
