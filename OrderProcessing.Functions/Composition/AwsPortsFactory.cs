using Amazon.DynamoDBv2;
using Amazon.S3;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Functions.Adapters.DynamoDb;
using OrderProcessing.Functions.Adapters.S3;
using OrderProcessing.Functions.Adapters.Ses;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// The ports of a function on AWS: the DynamoDB tables and the S3 bucket its settings name, through the adapters in
/// <c>Adapters/</c>. Only the stores the function's topology entry lists are built (its role grants nothing else), so
/// a stage that must not touch payments has no payment ledger at all. Clients are made once, when the function starts,
/// each attempt bounded by the function's <see cref="InvocationTimeouts"/>; the invocation's budget token bounds the call.
/// </summary>
public sealed class AwsPortsFactory : IPortsFactory
{
    private readonly AwsClientSettings? _dynamoDb;
    private readonly AwsClientSettings? _s3;
    private readonly TimeProvider _clock;
    private readonly Func<FunctionSettings, IMailTransport>? _mailTransport;
    private readonly InvocationTimeouts? _timeouts;

    /// <summary>
    /// Creates the factory. Without explicit client settings, each client uses the SDK defaults (in Lambda: the
    /// function's region and role), or the endpoint in <see cref="SettingNames.DynamoDbEndpoint"/> /
    /// <see cref="SettingNames.S3Endpoint"/> when the function declares and sets it.
    /// </summary>
    /// <param name="dynamoDb">How to reach DynamoDB, overriding the settings (the local host and tests).</param>
    /// <param name="s3">How to reach S3, overriding the settings.</param>
    /// <param name="clock">Time for the stores and services; the system clock by default.</param>
    /// <param name="mailTransport">Where customer e-mail goes; SES (<see cref="SesMailTransport"/>) by default, at the endpoint in <see cref="SettingNames.SesEndpoint"/> when the function declares and sets it.</param>
    /// <param name="timeouts">
    /// The per-attempt timeout and retries of every client (<see cref="InvocationTimeouts.Calls"/>); by default
    /// <see cref="InvocationTimeouts.For"/> the function being composed. Pass the same to <see cref="FunctionBootstrap.Create"/>.
    /// </param>
    public AwsPortsFactory(AwsClientSettings? dynamoDb = null, AwsClientSettings? s3 = null, TimeProvider? clock = null, Func<FunctionSettings, IMailTransport>? mailTransport = null, InvocationTimeouts? timeouts = null)
    {
        _timeouts = timeouts;
        _mailTransport = mailTransport;
        _dynamoDb = dynamoDb;
        _s3 = s3;
        _clock = clock ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public SystemPorts Create(FunctionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var limits = (_timeouts ?? InvocationTimeouts.For(settings.Function)).Calls;
        IAmazonDynamoDB? dynamoDb = null;
        IAmazonDynamoDB DynamoDb() => dynamoDb ??= AwsClientFactory.CreateDynamoDb(_dynamoDb ?? ClientSettings(settings, SettingNames.DynamoDbEndpoint), limits);

        var products = Table(settings, StorageSchema.Products);
        var sendsMail = settings.Declares(SettingNames.MailSender);
        return new SystemPorts
        {
            Clock = _clock,
            Orders = Table(settings, StorageSchema.Orders) is { } orders ? new DynamoDbOrderRepository(DynamoDb(), orders) : null,
            Catalog = products is null ? null : new DynamoDbCatalog(DynamoDb(), products, _clock),
            Inventory = products is null ? null : new DynamoDbInventory(DynamoDb(), products, _clock),
            PaymentLedger = Table(settings, StorageSchema.Payments) is { } payments ? new DynamoDbPaymentLedger(DynamoDb(), payments) : null,
            Idempotency = Table(settings, StorageSchema.Idempotency) is { } idempotency ? new DynamoDbIdempotencyStore(DynamoDb(), idempotency, _clock) : null,
            MailLedger = sendsMail && Table(settings, StorageSchema.Idempotency) is { } ledger ? new DynamoDbCustomerMailLedger(DynamoDb(), ledger, _clock) : null,
            MailTransport = !sendsMail ? null
                : _mailTransport is not null ? _mailTransport(settings)
                : SesMailTransport.FromEnvironment(settings.Optional(SettingNames.MailConfigurationSet), _clock, settings.Declares(SettingNames.SesEndpoint) ? settings.OptionalUrl(SettingNames.SesEndpoint) : null, limits.AttemptTimeout),
            Invoices = settings.Declares(StorageSchema.Invoices.EnvironmentVariable)
                ? new S3InvoiceStore(AwsClientFactory.CreateS3(_s3 ?? ClientSettings(settings, SettingNames.S3Endpoint), limits), settings.Required(StorageSchema.Invoices.EnvironmentVariable))
                : null,
        };
    }

    private static string? Table(FunctionSettings settings, TableSchema table) =>
        settings.Declares(table.EnvironmentVariable) ? settings.Required(table.EnvironmentVariable) : null;

    // The endpoint override goes to a compatible server with the SDK's credential chain (AWS_ACCESS_KEY_ID, ...), which
    // the SDK reads itself; without it, the SDK defaults reach AWS with the function's role.
    private static AwsClientSettings ClientSettings(FunctionSettings settings, string endpointSetting) =>
        settings.Declares(endpointSetting) && settings.OptionalUrl(endpointSetting) is { } url
            ? new AwsClientSettings(ServiceUrl: url)
            : AwsClientSettings.Default;
}
