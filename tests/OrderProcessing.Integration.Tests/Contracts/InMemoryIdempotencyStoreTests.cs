using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.InMemory;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The idempotency store contract on Core's in-memory store.</summary>
[TestFixture]
public sealed class InMemoryIdempotencyStoreTests : IdempotencyStoreContract
{
    /// <inheritdoc />
    protected override Task<IIdempotencyStore> CreateStoreAsync(TimeProvider clock) => Task.FromResult<IIdempotencyStore>(new InMemoryIdempotencyStore(clock));
}
