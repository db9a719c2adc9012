using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Integration.Tests.Contracts;

/// <summary>The order repository contract on Core's in-memory store: the reference the DynamoDB adapter must match.</summary>
[TestFixture]
public sealed class InMemoryOrderRepositoryTests : OrderRepositoryContract
{
    /// <inheritdoc />
    protected override Task<IOrderRepository> CreateRepositoryAsync() => Task.FromResult<IOrderRepository>(new InMemoryOrderRepository());
}
