using System.Globalization;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Notifications;

/// <summary>
/// The customer e-mail function: a subscriber of the order-events topic (its own queue and dead-letter queue) that
/// e-mails the customer at every step that matters to them, through <see cref="CustomerMailer"/>. It shares the stage
/// loop: a failed send is reported in <c>batchItemFailures</c>, retried with backoff and dead-lettered, never dropped,
/// and a mail system that is down delays e-mail only: no stage waits for it.
/// </summary>
public sealed class NotifyCustomerFunction : StageFunction
{
    /// <summary>The shop's name at the foot of every e-mail.</summary>
    public const string ShopName = "OrderProcessing Demo Store";

    private readonly CustomerMailer _mailer;

    /// <summary>The Lambda entry point's constructor: reads the function's settings from the environment once and fails fast, naming any missing one.</summary>
    public NotifyCustomerFunction()
        : this(FunctionBootstrap.FromEnvironment(SystemTopology.NotifyCustomer))
    {
    }

    /// <summary>Composes the function from a bootstrap made for <see cref="SystemTopology.NotifyCustomer"/>.</summary>
    public NotifyCustomerFunction(FunctionBootstrap bootstrap)
        : this(FunctionBootstrap.Require(bootstrap, SystemTopology.NotifyCustomer), MailerFor(bootstrap))
    {
    }

    /// <summary>Creates the function over <paramref name="mailer"/> (tests).</summary>
    public NotifyCustomerFunction(CustomerMailer mailer, Telemetry telemetry, IStageFailureObserver? failures = null)
        : base(SystemTopology.NotifyCustomer, telemetry, failures)
    {
        _mailer = mailer ?? throw new ArgumentNullException(nameof(mailer));
    }

    private NotifyCustomerFunction(FunctionBootstrap bootstrap, CustomerMailer mailer)
        : this(mailer, bootstrap.Telemetry, bootstrap.StageFailures)
    {
        Timeouts = bootstrap.Timeouts;
    }

    /// <summary>The mailer over <paramref name="bootstrap"/>'s ports and settings.</summary>
    public static CustomerMailer MailerFor(FunctionBootstrap bootstrap)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        var ports = bootstrap.Services.Ports;
        var settings = bootstrap.Settings;
        return new CustomerMailer(
            ports.Orders ?? throw new InvalidOperationException("The customer mail function needs the orders store."),
            ports.Invoices,
            ports.MailLedger ?? throw new InvalidOperationException("The customer mail function needs its ledger (the idempotency table)."),
            ports.MailTransport ?? throw new InvalidOperationException("The customer mail function needs a mail transport."),
            new CustomerMailComposer(settings.Required(SettingNames.MailSender), ShopName),
            ports.Clock,

            // Twice the function's timeout: a claim outlives any send in flight, and ends before the first redelivery
            // (the visibility timeout is six times the function's timeout), which may then take it over.
            TimeSpan.FromSeconds(2 * SystemTopology.NotifyCustomer.TimeoutSeconds),
            settings.OptionalUrl(SettingNames.MailLinkBaseUrl));
    }

    /// <inheritdoc />
    protected override Task<StageOutcome> HandleMessageAsync(string orderId, string status, string version, CancellationToken cancellationToken)
    {
        var entered = OrderStatusNames.TryParse(status, out var parsed) ? parsed : throw new InvalidDataException($"Unknown status '{status}'.");
        var at = long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new InvalidDataException($"Version '{version}' is not a number.");
        return _mailer.HandleAsync(orderId, entered, at, cancellationToken);
    }

    /// <inheritdoc />
    protected override string ActedMessage(StageOutcome outcome) => $"Customer e-mailed: {outcome.Detail}.";
}
