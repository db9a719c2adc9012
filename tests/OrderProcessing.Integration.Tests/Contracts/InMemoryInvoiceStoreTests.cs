using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Invoices;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The invoice store contract on Core's in-memory store.</summary>
[TestFixture]
public sealed class InMemoryInvoiceStoreTests : InvoiceStoreContract
{
    /// <inheritdoc />
    protected override Task<IInvoiceStore> CreateStoreAsync() => Task.FromResult<IInvoiceStore>(new InMemoryInvoiceStore());
}
