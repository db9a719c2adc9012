using OrderProcessing.Infra.Plan.Iam;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// Customer e-mail in SES v2: the sender's e-mail identity, the configuration set every customer e-mail is sent through,
/// and its event destination that publishes bounces and complaints to the operations topic. The customer mail function
/// may call <c>ses:SendEmail</c> on exactly these two ARNs.
/// </summary>
public sealed class CustomerMail : ComponentResource
{
    /// <summary>Creates the identity, the configuration set and its event destination.</summary>
    public CustomerMail(string name, CustomerMailArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.CustomerMail, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Mail;
        var parent = new CustomResourceOptions { Parent = this };

        // Sending events of every customer e-mail are judged here; the identity names it as its default too.
        var configurationSet = new Aws.SesV2.ConfigurationSet($"{name}-configuration-set", new Aws.SesV2.ConfigurationSetArgs
        {
            ConfigurationSetName = plan.ConfigurationSetName,
        }, parent);

        // The sender: SES e-mails it a verification link once; nothing is sent from it before that.
        var identity = new Aws.SesV2.EmailIdentity($"{name}-identity", new Aws.SesV2.EmailIdentityArgs
        {
            EmailIdentityDetails = plan.SenderAddress,
            ConfigurationSetName = configurationSet.ConfigurationSetName,
        }, parent);

        // Bounces and complaints reach operators like any alarm: a wrong address or an unhappy customer needs a person.
        _ = new Aws.SesV2.ConfigurationSetEventDestination($"{name}-bounces", new Aws.SesV2.ConfigurationSetEventDestinationArgs
        {
            ConfigurationSetName = configurationSet.ConfigurationSetName,
            EventDestinationName = plan.EventDestinationName,
            EventDestination = new Aws.SesV2.Inputs.ConfigurationSetEventDestinationEventDestinationArgs
            {
                Enabled = true,
                MatchingEventTypes = plan.MatchingEventTypes.ToArray(),
                SnsDestination = new Aws.SesV2.Inputs.ConfigurationSetEventDestinationEventDestinationSnsDestinationArgs
                {
                    TopicArn = args.OperationsTopicArn,
                },
            },
        }, parent);

        // SES publishes an event destination's events only to a topic whose policy lets it: this grant, for this
        // configuration set only, beside SNS's default statement that the replaced policy would otherwise drop.
        _ = new Aws.Sns.TopicPolicy($"{name}-operations-topic-policy", new Aws.Sns.TopicPolicyArgs
        {
            Arn = args.OperationsTopicArn,
            Policy = Output.Tuple(args.OperationsTopicArn, configurationSet.Arn).Apply(arns => TopicPolicies.OperationsTopic(arns.Item1, arns.Item2).ToJson()),
        }, parent);

        IdentityArn = identity.Arn;
        ConfigurationSetArn = configurationSet.Arn;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["identityArn"] = IdentityArn,
            ["configurationSetArn"] = ConfigurationSetArn,
        });
    }

    /// <summary>The e-mail identity's ARN.</summary>
    public Output<string> IdentityArn { get; }

    /// <summary>The configuration set's ARN.</summary>
    public Output<string> ConfigurationSetArn { get; }
}
