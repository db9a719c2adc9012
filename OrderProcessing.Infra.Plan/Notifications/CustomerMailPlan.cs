using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Topology.Naming;

namespace OrderProcessing.Infra.Plan.Notifications;

/// <summary>
/// Customer e-mail in SES: the sender's e-mail identity (verified by the link SES sends to it; until then, and while the
/// account is in the SES sandbox, only verified recipients receive anything), the configuration set the function sends
/// through, and its event destination that sends bounces and complaints to the operations topic.
/// </summary>
/// <param name="SenderAddress">The e-mail identity: the bare address of the stack's <c>mailSender</c>.</param>
/// <param name="ConfigurationSetName">The configuration set's name.</param>
/// <param name="EventDestinationName">The event destination's name.</param>
/// <param name="MatchingEventTypes">The SES events sent to operators.</param>
public sealed record CustomerMailPlan(string SenderAddress, string ConfigurationSetName, string EventDestinationName, IReadOnlyList<string> MatchingEventTypes)
{
    /// <summary>The plan of a stack with <paramref name="settings"/> and <paramref name="names"/>.</summary>
    public static CustomerMailPlan For(StackSettings settings, ResourceNames names)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(names);

        // Bounces and complaints hurt the account's sending reputation and mean an address is wrong: operators must know.
        return new CustomerMailPlan(settings.MailSenderAddress, names.MailConfigurationSet, "bounces-and-complaints-to-operations", ["BOUNCE", "COMPLAINT"]);
    }
}
