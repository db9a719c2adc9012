using OrderProcessing.Core.Orders;

namespace OrderProcessing.Core.Notifications;

/// <summary>
/// Decides, from the order as stored now, whether the e-mail for an event is still true to send. Events arrive at least
/// once and in any order, so the message only says which e-mail may be due; the stored order decides. An event the
/// stored order never went through (a stale or forged message) sends nothing. The shipping notice is stale once the order
/// has been given up (cancelled, out of stock, payment failed): the customer must not read "on its way" after
/// "cancelled". The receipt ("we received your order") stays true whatever follows, so it is always sent, even when the
/// order failed before the receipt went out; the e-mails about final statuses are true once the order reached them.
/// </summary>
public static class CustomerMailPolicy
{
    private static readonly HashSet<OrderStatus> GivenUp = [OrderStatus.Cancelled, OrderStatus.OutOfStock, OrderStatus.PaymentFailed];

    /// <summary>The decision for the event "order entered <paramref name="entered"/> at <paramref name="version"/>", given <paramref name="current"/> (null: deleted or never stored).</summary>
    public static CustomerMailDecision Decide(Order? current, OrderStatus entered, long version)
    {
        if (CustomerMails.KindFor(entered) is not { } kind)
        {
            return new(CustomerMailOutcome.Skip, null, $"no e-mail is sent for {entered.ToWire()}");
        }

        if (current is null)
        {
            // An order is deleted only long after its last event settled; a message about an unknown order has nothing to tell.
            return new(CustomerMailOutcome.Skip, null, "the order is not stored (deleted or never written)");
        }

        if (current.Version < version)
        {
            return new(CustomerMailOutcome.NotYetVisible, null, $"the stored order is at version {current.Version}, the event at {version}");
        }

        if (!current.History.Any(h => h.Status == entered))
        {
            return new(CustomerMailOutcome.Skip, null, $"the order never entered {entered.ToWire()} (its status is {current.Status.ToWire()})");
        }

        if (entered == OrderStatus.Shipped && GivenUp.Contains(current.Status))
        {
            return new(CustomerMailOutcome.Skip, null, $"stale: the order has since become {current.Status.ToWire()}");
        }

        return new(CustomerMailOutcome.Send, kind, $"{kind} is due (the order is {current.Status.ToWire()})");
    }
}
