using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Gives each function the in-memory stores its topology entry names, out of one shared set, so the functions make one
/// system as they do over shared tables in AWS. Like the AWS ports factory, a store the function does not declare is
/// left out: a function that needs more than its entry (and its role) grants fails here too.
/// </summary>
public sealed class SharedInMemoryPortsFactory(SystemPorts all) : IPortsFactory
{
    /// <inheritdoc />
    public SystemPorts Create(FunctionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var products = settings.Declares(StorageSchema.Products.EnvironmentVariable);
        return all with
        {
            Orders = settings.Declares(StorageSchema.Orders.EnvironmentVariable) ? all.Orders : null,
            Catalog = products ? all.Catalog : null,
            Inventory = products ? all.Inventory : null,
            PaymentLedger = settings.Declares(StorageSchema.Payments.EnvironmentVariable) ? all.PaymentLedger : null,
            Idempotency = settings.Declares(StorageSchema.Idempotency.EnvironmentVariable) ? all.Idempotency : null,
            Invoices = settings.Declares(StorageSchema.Invoices.EnvironmentVariable) ? all.Invoices : null,
            MailLedger = settings.Declares(SettingNames.MailSender) ? all.MailLedger : null,
            MailTransport = settings.Declares(SettingNames.MailSender) ? all.MailTransport : null,
        };
    }
}
