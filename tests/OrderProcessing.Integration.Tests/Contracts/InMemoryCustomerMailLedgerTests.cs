using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Notifications;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The customer mail ledger contract on Core's in-memory ledger.</summary>
[TestFixture]
public sealed class InMemoryCustomerMailLedgerTests : CustomerMailLedgerContract
{
    /// <inheritdoc />
    protected override Task<ICustomerMailLedger> CreateLedgerAsync(TimeProvider clock) => Task.FromResult<ICustomerMailLedger>(new InMemoryCustomerMailLedger(clock));
}
