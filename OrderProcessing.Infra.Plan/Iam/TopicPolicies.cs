namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>The resource policy of the operations topic.</summary>
public static class TopicPolicies
{
    /// <summary>
    /// The operations topic's policy: SNS's own default statement (the owning account may use the topic, which is how
    /// CloudWatch alarms publish to it), and SES publishing the sending events of <paramref name="configurationSetArn"/>
    /// only. SES needs the grant to deliver an event destination's bounces and complaints; the <c>aws:SourceAccount</c>
    /// and <c>aws:SourceArn</c> conditions keep any other account or configuration set from using it.
    /// </summary>
    /// <param name="topicArn">The operations topic.</param>
    /// <param name="configurationSetArn">The stack's SES configuration set.</param>
    /// <exception cref="FormatException">Either is not an ARN.</exception>
    public static PolicyDocument OperationsTopic(string topicArn, string configurationSetArn)
    {
        var account = Arn.Parse(topicArn).Account;
        _ = Arn.Parse(configurationSetArn);
        return new PolicyDocument
        {
            Statement =
            [
                new PolicyStatement
                {
                    Effect = "Allow",
                    Principal = new Dictionary<string, string> { ["AWS"] = "*" },
                    Action = ["SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish"],
                    Resource = [topicArn],
                    Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
                    {
                        ["StringEquals"] = new Dictionary<string, string> { ["AWS:SourceOwner"] = account },
                    },
                },
                new PolicyStatement
                {
                    Effect = "Allow",
                    Principal = new Dictionary<string, string> { ["Service"] = "ses.amazonaws.com" },
                    Action = ["SNS:Publish"],
                    Resource = [topicArn],
                    Condition = new Dictionary<string, IReadOnlyDictionary<string, string>>
                    {
                        ["StringEquals"] = new Dictionary<string, string> { ["AWS:SourceAccount"] = account },
                        ["ArnEquals"] = new Dictionary<string, string> { ["AWS:SourceArn"] = configurationSetArn },
                    },
                },
            ],
        };
    }
}
