using OrderProcessing.Core.Common;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;

namespace OrderProcessing.Functions.Notifications;

/// <summary>
/// Sends the customer's e-mail for one order event, exactly once in practice: it reads the order as stored now and lets
/// <see cref="CustomerMailPolicy"/> decide (so a late or reordered event never sends a stale status), claims
/// (order, e-mail) in the <see cref="ICustomerMailLedger"/> (so a redelivery or a concurrent copy sends nothing twice),
/// composes and sends, then records it sent. A failed send releases the claim and throws, so the message is retried.
/// The one window left is a crash (or a failed write) after the mail system accepted the e-mail and before the ledger
/// recorded it: the claim's lease then runs out and the next delivery sends again. That side is chosen on purpose: a
/// rare duplicate (with the same Message-ID, which mail clients thread together) is better than a customer never told.
/// </summary>
public sealed class CustomerMailer
{
    private readonly IOrderRepository _orders;
    private readonly IInvoiceStore? _invoices;
    private readonly ICustomerMailLedger _ledger;
    private readonly IMailTransport _transport;
    private readonly CustomerMailComposer _composer;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _lease;
    private readonly Uri? _linkBase;

    /// <summary>Creates the mailer; a claim holds for <paramref name="lease"/>, longer than one send may take.</summary>
    public CustomerMailer(IOrderRepository orders, IInvoiceStore? invoices, ICustomerMailLedger ledger, IMailTransport transport, CustomerMailComposer composer, TimeProvider clock, TimeSpan lease, Uri? linkBase = null)
    {
        _orders = orders ?? throw new ArgumentNullException(nameof(orders));
        _invoices = invoices;
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _composer = composer ?? throw new ArgumentNullException(nameof(composer));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _lease = lease > TimeSpan.Zero ? lease : throw new ArgumentOutOfRangeException(nameof(lease));
        _linkBase = linkBase;
    }

    /// <summary>Handles "order <paramref name="orderId"/> entered <paramref name="entered"/> at <paramref name="version"/>"; throws to be retried.</summary>
    public async Task<StageOutcome> HandleAsync(string orderId, OrderStatus entered, long version, CancellationToken cancellationToken = default)
    {
        var order = await _orders.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        var decision = CustomerMailPolicy.Decide(order, entered, version);
        switch (decision.Outcome)
        {
            case CustomerMailOutcome.Skip:
                return StageOutcome.Skipped(orderId, $"no e-mail: {decision.Detail}");
            case CustomerMailOutcome.NotYetVisible:
                throw new TransientFailureException($"The order is not stored as the event describes it yet: {decision.Detail}.");
        }

        var kind = decision.Kind!.Value;
        var claimId = Guid.NewGuid().ToString("N");
        switch (await _ledger.TryClaimAsync(orderId, kind, claimId, _clock.GetUtcNow() + _lease, cancellationToken).ConfigureAwait(false))
        {
            case MailClaimResult.AlreadySent:
                return StageOutcome.Skipped(orderId, $"{kind} e-mail already sent");
            case MailClaimResult.HeldByAnother:
                throw new TransientFailureException($"Another delivery is sending the {kind} e-mail of order {orderId}; retried after its lease.");
        }

        string messageId;
        try
        {
            var invoice = kind == CustomerMailKind.Completed ? await InvoiceAsync(order!, cancellationToken).ConfigureAwait(false) : null;
            messageId = await _transport.SendAsync(_composer.Compose(order!, kind, invoice), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // Not sent: free the claim so the retry sends at once instead of waiting out the lease.
            await _ledger.ReleaseAsync(orderId, kind, claimId, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        await _ledger.MarkSentAsync(orderId, kind, claimId, messageId, CancellationToken.None).ConfigureAwait(false);
        return StageOutcome.Moved(orderId, entered, $"{kind} e-mail sent as {messageId}");
    }

    private async Task<InvoiceForMail> InvoiceAsync(Order order, CancellationToken cancellationToken)
    {
        var number = Invoice.For(order).InvoiceNumber;
        var pdf = _invoices is null ? null : await _invoices.GetAsync(order.OrderId, cancellationToken).ConfigureAwait(false);
        if (pdf is null && _linkBase is null)
        {
            throw new TransientFailureException($"The invoice of order {order.OrderId} is not readable yet.");
        }

        return pdf is { Length: <= CustomerMailComposer.MaxAttachmentBytes }
            ? new InvoiceForMail(number, pdf, null)
            : new InvoiceForMail(number, null, _linkBase is null ? null : new Uri(_linkBase, $"orders/{Uri.EscapeDataString(order.OrderId)}/invoice"));
    }
}
