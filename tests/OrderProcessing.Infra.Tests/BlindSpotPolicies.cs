using System.Collections.Immutable;
using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Infra.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Tests;

/// <summary>
/// Policies on what exists only at the resource level, each closing a blind spot found by a deliberate mistake the other
/// policies let through (issue 12): a queue hiding messages for less time than its function may run, a log group without
/// the stack's retention, a usage plan without the API's stage, throttling on a stage that does not exist, an alarm's
/// threshold or actions changed, a managed policy attached to a role, an action added to a function's grants. Expectations
/// are written out (<see cref="ExpectedAlarms"/>, <see cref="ExpectedGrants"/>) or follow from AWS's rules, never from the
/// builders the program uses. Every stack test class runs them through this base.
/// </summary>
[NonParallelizable]
public abstract class BlindSpotPolicies : StackPolicies
{
    private const string Queue = "aws:sqs/queue:Queue";
    private const string Function = "aws:lambda/function:Function";
    private const string EventSourceMapping = "aws:lambda/eventSourceMapping:EventSourceMapping";
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string Role = "aws:iam/role:Role";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string RolePolicyAttachment = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
    private const string UsagePlan = "aws:apigateway/usagePlan:UsagePlan";
    private const string MethodSettings = "aws:apigateway/methodSettings:MethodSettings";
    private const string RestApi = "aws-apigateway:index:RestAPI";

    // AWS: the queue of a function's event source mapping hides a received message for at least six times the function's
    // timeout, or a second invocation gets the message while the first still works on it; SQS allows at most 12 hours.
    private const double VisibilityTimeoutFactor = 6;
    private const double MaximumVisibilityTimeoutSeconds = 12 * 3600;

    // The one managed policy the design intends: X-Ray segment upload cannot be scoped to a resource.
    private const string XRayDaemonWriteAccess = "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess";

    // README: the API's URL ends in /v1/.
    private const string ApiStageName = "v1";

    protected BlindSpotPolicies(string stack, IReadOnlyDictionary<string, string>? overrides = null)
        : base(stack, overrides)
    {
    }

    [Test]
    public void EveryTriggeringQueue_HidesMessagesSixTimesAsLongAsItsFunctionMayRun()
    {
        var triggers = Run.OfType(EventSourceMapping);

        Assert.That(triggers, Has.Count.EqualTo(Run.Plan.Stages.Count), "one trigger per stage");
        foreach (var trigger in triggers)
        {
            var queue = Run.Single(Queue, q => SqsArn(q.String("name")) == trigger.String("eventSourceArn"), $"queue of {trigger.Name}");
            var function = Run.Single(Function, f => Invokes(trigger.String("functionName"), f.String("name")), $"function of {trigger.Name}");
            var visibility = queue.Number("visibilityTimeoutSeconds");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(visibility, Is.GreaterThanOrEqualTo(VisibilityTimeoutFactor * function.Number("timeout")), $"{queue.Name} feeding {function.Name}");
                Assert.That(visibility, Is.LessThanOrEqualTo(MaximumVisibilityTimeoutSeconds), queue.Name);
            }
        }
    }

    [Test]
    public void EveryFunction_LogsToALogGroupKeptForTheStacksRetention()
    {
        var functions = Run.OfType(Function);

        Assert.That(functions, Has.Count.EqualTo(Run.Plan.Functions.Count));
        foreach (var function in functions)
        {
            var logGroupName = function.Object("loggingConfig").Property<string>("logGroup");
            var logGroup = Run.Single(LogGroup, g => g.String("name") == logGroupName, $"log group of {function.Name}");

            using (Assert.EnterMultipleScope())
            {
                Assert.That(logGroupName, Is.EqualTo($"/aws/lambda/{function.String("name")}"), "where `aws logs tail` looks");
                Assert.That(logGroup.Number("retentionInDays"), Is.EqualTo(Run.Plan.Settings.LogRetentionDays), logGroupName);
            }
        }
    }

    [Test]
    public void ApiKeys_AreValidOnTheApisStage()
    {
        var usagePlans = Run.OfType(UsagePlan);
        if (Run.Plan.Api.Auth != ApiAuthMode.ApiKey)
        {
            Assert.That(usagePlans, Is.Empty, "no usage plan without API keys");
            return;
        }

        // A usage plan without the API's stage makes every key useless: API Gateway rejects each request with 403.
        var stages = Run.Single(UsagePlan, _ => true, "the usage plan").List("apiStages")
            .Select(item => Inputs.As<ImmutableDictionary<string, object>>(item, "apiStages[]"))
            .Select(item => (ApiId: item.Property<string>("apiId"), Stage: item.Property<string>("stage")))
            .ToList();

        Assert.That(stages, Is.EqualTo(new[] { (ApiEndpoint.Parse(AwsMocks.ApiUrl).ApiId, DeployedApiStage()) }));
    }

    [Test]
    public void Throttling_AppliesToTheApisStage()
    {
        var settings = Run.Single(MethodSettings, _ => true, "method settings");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.String("restApi"), Is.EqualTo(ApiEndpoint.Parse(AwsMocks.ApiUrl).ApiId));
            Assert.That(settings.String("stageName"), Is.EqualTo(DeployedApiStage()));
        }
    }

    [Test]
    public void EveryAlarm_IsExactlyAsWrittenOut()
    {
        var expected = ExpectedAlarms.For(Run.Stack);
        var deployed = Run.OfType(Alarm).Select(a => ExpectedAlarm.FormatRow(
            a.String("name"),
            a.String("namespace"),
            a.String("metricName"),
            a.Object("dimensions").ToDictionary(d => d.Key, d => Inputs.As<string>(d.Value, $"{Inputs.Describe(a)}.dimensions.{d.Key}"), StringComparer.Ordinal),
            a.String("statistic"),
            a.Number("period"),
            a.Number("evaluationPeriods"),
            a.Number("threshold"),
            a.String("comparisonOperator"),
            a.String("treatMissingData")));

        Assert.That(deployed, Is.EquivalentTo(expected.Select(e => e.Row())));
        foreach (var row in expected)
        {
            var alarm = Run.Single(Alarm, a => a.String("name") == row.Name, row.Name);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(alarm.Strings("alarmActions"), Is.EqualTo(row.AlarmTopics.Select(SnsArn)), $"{row.Name} on alarm");
                Assert.That(alarm.Strings("okActions"), Is.EqualTo(row.OkTopics.Select(SnsArn)), $"{row.Name} on recovery");
            }
        }
    }

    [Test]
    public void NoRole_HasAManagedPolicyButFunctionRolesXRayWrite()
    {
        var iamTypes = Run.Mocks.Resources.Select(r => r.Type ?? "").Where(t => t.StartsWith("aws:iam/", StringComparison.Ordinal)).Distinct();
        var attached = Run.OfType(RolePolicyAttachment).Select(a => (Role: a.String("role"), PolicyArn: a.String("policyArn")));
        var functionRoles = Run.OfType(Function).Select(f => RoleOf(f).String("name"));

        using (Assert.EnterMultipleScope())
        {
            // Policy, PolicyAttachment, group and user attachments or exclusive attachment sets would be other ways to grant.
            Assert.That(iamTypes, Is.SubsetOf(new[] { Role, RolePolicy, RolePolicyAttachment }), "IAM resource types");
            Assert.That(attached, Is.EquivalentTo(functionRoles.Select(role => (role, XRayDaemonWriteAccess))), "managed policy attachments");
            foreach (var role in Run.OfType(Role))
            {
                Assert.That(role.Has("managedPolicyArns") ? role.Strings("managedPolicyArns") : [], Is.Empty, $"{role.Name} managedPolicyArns");
                Assert.That(role.Has("inlinePolicies") ? role.List("inlinePolicies") : [], Is.Empty, $"{role.Name} inlinePolicies (read by no policy check)");
            }
        }
    }

    [Test]
    public void EveryFunction_IsGrantedExactlyTheWrittenOutActionsOnTheWrittenOutResources()
    {
        Assert.That(Run.OfType(Function).Select(f => f.String("name")), Is.EquivalentTo(Run.Plan.Functions.Select(f => f.Name)));
        foreach (var plan in Run.Plan.Functions)
        {
            var role = RoleOf(Run.Single(Function, f => f.String("name") == plan.Name, plan.Name));
            var policy = Run.Single(RolePolicy, p => p.String("role") == role.String("name"), $"inline policy of {plan.Name}");
            var stage = Run.Plan.Stages.SingleOrDefault(s => s.Function == plan);
            var arns = new ResourceArns(
                Run.Plan.Tables.ToDictionary(t => t.Schema.LogicalName, t => $"arn:aws:dynamodb:{AwsMocks.Region}:{AwsMocks.Account}:table/{t.Name}"),
                Run.Plan.Buckets.ToDictionary(b => b.Schema.LogicalName, b => $"arn:aws:s3:::{b.NamePrefix}{AwsMocks.BucketSuffix}"),
                $"arn:aws:logs:{AwsMocks.Region}:{AwsMocks.Account}:log-group:{plan.LogGroupName}",
                stage is null ? null : SqsArn(stage.QueueName))
            {
                MailIdentity = AwsMocks.SesIdentityArn(Run.Plan.CustomerMail.SenderAddress),
                MailConfigurationSet = AwsMocks.SesConfigurationSetArn(Run.Plan.CustomerMail.ConfigurationSetName),
            };

            Assert.That(PolicyReader.Grants(policy.String("policy")), Is.EquivalentTo(ExpectedGrants.For(plan.Definition.Name, arns)), plan.Name);
        }
    }

    private static string SqsArn(string name) => $"arn:aws:sqs:{AwsMocks.Region}:{AwsMocks.Account}:{name}";

    private static string SnsArn(string name) => $"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{name}";

    private static string IamRoleArn(string name) => $"arn:aws:iam::{AwsMocks.Account}:role/{name}";

    // A trigger names the function itself or one of its aliases or versions (arn:...:function:{name}[:{qualifier}]).
    private static bool Invokes(string target, string functionName)
    {
        var arn = $"arn:aws:lambda:{AwsMocks.Region}:{AwsMocks.Account}:function:{functionName}";
        return target == arn || target.StartsWith(arn + ":", StringComparison.Ordinal);
    }

    private Pulumi.Testing.MockResourceArgs RoleOf(Pulumi.Testing.MockResourceArgs function) =>
        Run.Single(Role, r => IamRoleArn(r.String("name")) == function.String("role"), $"role of {function.Name}");

    // The stage the RestAPI component deploys; usage plan, throttling and the 5xx alarm must name this one.
    private string DeployedApiStage()
    {
        var stage = Run.Single(RestApi, _ => true, "the REST API").String("stageName");
        Assert.That(stage, Is.EqualTo(ApiStageName));
        return stage;
    }
}
