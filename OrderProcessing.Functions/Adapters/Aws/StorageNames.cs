using OrderProcessing.Functions.Storage;

namespace OrderProcessing.Functions.Adapters.Aws;

/// <summary>
/// The physical names of every table and the bucket. In AWS the functions read each from the setting the schema names
/// (<see cref="Require"/>); the local host and the tests make a consistent set with <see cref="Prefixed"/>.
/// </summary>
/// <param name="OrdersTable">Orders table.</param>
/// <param name="ProductsTable">Products table.</param>
/// <param name="PaymentsTable">Payments table.</param>
/// <param name="IdempotencyTable">Idempotency table.</param>
/// <param name="InvoicesBucket">Invoices bucket.</param>
public sealed record StorageNames(string OrdersTable, string ProductsTable, string PaymentsTable, string IdempotencyTable, string InvoicesBucket)
{
    /// <summary>Names made of a prefix and each logical name (<c>dev-orders</c>, ..., <c>dev-invoices</c>). Bucket names must be lower case.</summary>
    public static StorageNames Prefixed(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new StorageNames(
            prefix + StorageSchema.Orders.LogicalName,
            prefix + StorageSchema.Products.LogicalName,
            prefix + StorageSchema.Payments.LogicalName,
            prefix + StorageSchema.Idempotency.LogicalName,
            prefix + StorageSchema.Invoices.LogicalName);
    }

    /// <summary>Every name, read from the settings the schema names; fails naming the first missing one.</summary>
    public static StorageNames FromSettings(Func<string, string?> read) => new(
        Require(StorageSchema.Orders.EnvironmentVariable, read),
        Require(StorageSchema.Products.EnvironmentVariable, read),
        Require(StorageSchema.Payments.EnvironmentVariable, read),
        Require(StorageSchema.Idempotency.EnvironmentVariable, read),
        Require(StorageSchema.Invoices.EnvironmentVariable, read));

    /// <summary>The value of setting <paramref name="name"/>, or an exception naming it. A function reads only the settings it needs.</summary>
    public static string Require(string name, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = read(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"The setting {name} is missing or empty; it names a storage resource (see StorageSchema).")
            : value;
    }

    /// <summary>The physical name of <paramref name="table"/>.</summary>
    public string TableFor(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table == StorageSchema.Orders)
        {
            return OrdersTable;
        }

        if (table == StorageSchema.Products)
        {
            return ProductsTable;
        }

        if (table == StorageSchema.Payments)
        {
            return PaymentsTable;
        }

        return table == StorageSchema.Idempotency
            ? IdempotencyTable
            : throw new ArgumentException($"Table '{table.LogicalName}' is not in the storage schema.", nameof(table));
    }

    /// <summary>The settings a function reads, as environment variable name to value (for the local host and end-to-end tests).</summary>
    public IReadOnlyDictionary<string, string> ToSettings() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [StorageSchema.Orders.EnvironmentVariable] = OrdersTable,
        [StorageSchema.Products.EnvironmentVariable] = ProductsTable,
        [StorageSchema.Payments.EnvironmentVariable] = PaymentsTable,
        [StorageSchema.Idempotency.EnvironmentVariable] = IdempotencyTable,
        [StorageSchema.Invoices.EnvironmentVariable] = InvoicesBucket,
    };
}
