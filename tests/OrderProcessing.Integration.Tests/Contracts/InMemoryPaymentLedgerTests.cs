using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Payments;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The payment ledger contract on Core's in-memory store.</summary>
[TestFixture]
public sealed class InMemoryPaymentLedgerTests : PaymentLedgerContract
{
    /// <inheritdoc />
    protected override Task<IPaymentLedger> CreateLedgerAsync() => Task.FromResult<IPaymentLedger>(new InMemoryPaymentLedger());
}
