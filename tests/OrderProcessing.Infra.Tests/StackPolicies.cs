using System.Collections.Immutable;
using System.Text.Json;
using OrderProcessing.Core.Orders;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Topology;
using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Pipeline;
using OrderProcessing.Infra.Plan.Shop;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Infra.Tests.Support;

namespace OrderProcessing.Infra.Tests;

/// <summary>
/// Policies every stack must satisfy, checked on what the program registers under mocks. Each fixture runs its stack once;
/// Pulumi's test deployment is process-wide, so fixtures never run in parallel.
/// </summary>
[NonParallelizable]
public abstract class StackPolicies
{
    private const string Queue = "aws:sqs/queue:Queue";
    private const string Function = "aws:lambda/function:Function";
    private const string Alias = "aws:lambda/alias:Alias";
    private const string Role = "aws:iam/role:Role";
    private const string RolePolicy = "aws:iam/rolePolicy:RolePolicy";
    private const string Table = "aws:dynamodb/table:Table";
    private const string Pipe = "aws:pipes/pipe:Pipe";
    private const string Subscription = "aws:sns/topicSubscription:TopicSubscription";
    private const string QueuePolicy = "aws:sqs/queuePolicy:QueuePolicy";
    private const string EventSourceMapping = "aws:lambda/eventSourceMapping:EventSourceMapping";
    private const string Alarm = "aws:cloudwatch/metricAlarm:MetricAlarm";
    private const string Topic = "aws:sns/topic:Topic";
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string RestApi = "aws-apigateway:index:RestAPI";

    private readonly string _stack;
    private readonly IReadOnlyDictionary<string, string>? _overrides;

    protected StackPolicies(string stack, IReadOnlyDictionary<string, string>? overrides = null)
    {
        _stack = stack;
        _overrides = overrides;
    }

    protected StackRun Run { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task RunStackOnce()
    {
        Run = await StackRun.RunAsync(_stack, _overrides);
    }

    [Test]
    public void EveryQueue_HasDeadLetterQueue()
    {
        var queues = Run.OfType(Queue);
        var arns = queues.ToDictionary(q => $"arn:aws:sqs:{AwsMocks.Region}:{AwsMocks.Account}:{q.String("name")}", q => q);
        var workQueues = queues.Where(q => !q.String("name").EndsWith("-dlq", StringComparison.Ordinal)).ToList();

        // Every queue-fed function has its queue: the stages and the event subscribers (the customer e-mail).
        Assert.That(workQueues, Has.Count.EqualTo(SystemTopology.QueueFunctions.Count));
        foreach (var queue in workQueues)
        {
            using var redrive = JsonDocument.Parse(queue.String("redrivePolicy"));
            var target = redrive.RootElement.GetProperty("deadLetterTargetArn").GetString()!;
            using (Assert.EnterMultipleScope())
            {
                Assert.That(arns, Does.ContainKey(target), $"{queue.Name} redrives to a queue of the stack");
                Assert.That(target, Is.Not.EqualTo(arns.Single(a => a.Value == queue).Key), $"{queue.Name} does not redrive to itself");
                Assert.That(redrive.RootElement.GetProperty("maxReceiveCount").GetInt32(), Is.GreaterThan(0));
            }
        }

        Assert.That(queues.Select(q => q.Bool("sqsManagedSseEnabled")), Has.All.True, "every queue is encrypted");
    }

    [Test]
    public void EveryFunction_HasItsOwnRole()
    {
        var functions = Run.OfType(Function);
        var roles = Run.OfType(Role).ToDictionary(r => $"arn:aws:iam::{AwsMocks.Account}:role/{r.String("name")}");

        Assert.That(functions, Has.Count.EqualTo(SystemTopology.Functions.Count));
        Assert.That(functions.Select(f => f.String("role")), Is.Unique);
        foreach (var function in functions)
        {
            var role = roles[function.String("role")];
            var trust = PolicyReader.Statements(role.String("assumeRolePolicy")).Single();
            var policies = Run.OfType(RolePolicy).Where(p => p.String("role") == role.String("name")).ToList();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(trust.Principal!.Value.GetProperty("Service").GetString(), Is.EqualTo("lambda.amazonaws.com"), function.Name);
                Assert.That(policies, Has.Count.EqualTo(1), $"{function.Name} has exactly one inline policy");
            }
        }
    }

    [Test]
    public void EveryFunction_HasExactlyTheGrantsOfTheTopology()
    {
        foreach (var plan in Run.Plan.Functions)
        {
            var role = Run.Single(Role, r => r.String("name") == plan.RoleName, plan.RoleName);
            var policy = Run.Single(RolePolicy, p => p.String("role") == role.String("name"), plan.PolicyName);
            var stage = Run.Plan.Stages.SingleOrDefault(s => s.Function == plan);
            var expected = FunctionPolicies.For(plan.Definition, new ResourceArns(
                Run.Plan.Tables.ToDictionary(t => t.Schema.LogicalName, t => $"arn:aws:dynamodb:{AwsMocks.Region}:{AwsMocks.Account}:table/{t.Name}"),
                Run.Plan.Buckets.ToDictionary(b => b.Schema.LogicalName, b => $"arn:aws:s3:::{b.NamePrefix}{AwsMocks.BucketSuffix}"),
                $"arn:aws:logs:{AwsMocks.Region}:{AwsMocks.Account}:log-group:{plan.LogGroupName}",
                stage is null ? null : $"arn:aws:sqs:{AwsMocks.Region}:{AwsMocks.Account}:{stage.QueueName}")
            {
                MailIdentity = AwsMocks.SesIdentityArn(Run.Plan.CustomerMail.SenderAddress),
                MailConfigurationSet = AwsMocks.SesConfigurationSetArn(Run.Plan.CustomerMail.ConfigurationSetName),
            });

            Assert.That(PolicyReader.Grants(policy.String("policy")), Is.EquivalentTo(PolicyReader.Grants(expected.ToJson())), plan.Name);
        }
    }

    [Test]
    public void CustomerMail_SendsFromTheSenderIdentity_AndReportsBouncesAndComplaintsToOperators()
    {
        var identity = Run.OfType("aws:sesv2/emailIdentity:EmailIdentity").Single();
        var configurationSet = Run.OfType("aws:sesv2/configurationSet:ConfigurationSet").Single();
        var destination = Run.OfType("aws:sesv2/configurationSetEventDestination:ConfigurationSetEventDestination").Single();
        var events = destination.Object("eventDestination");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(identity.String("emailIdentity"), Is.EqualTo(Run.Plan.Settings.MailSenderAddress));
            Assert.That(identity.String("configurationSetName"), Is.EqualTo(Run.Plan.Names.MailConfigurationSet));
            Assert.That(configurationSet.String("configurationSetName"), Is.EqualTo(Run.Plan.Names.MailConfigurationSet));
            Assert.That(destination.String("configurationSetName"), Is.EqualTo(Run.Plan.Names.MailConfigurationSet));
            Assert.That(events.Property<ImmutableArray<object>>("matchingEventTypes").Select(e => (string)e), Is.EquivalentTo(new[] { "BOUNCE", "COMPLAINT" }));
            Assert.That(events.Property<ImmutableDictionary<string, object>>("snsDestination").Property<string>("topicArn"), Is.EqualTo($"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.OperationsTopicName}"));
        }
    }

    [Test]
    public void OperationsTopic_LetsSesPublishTheConfigurationSetsEvents()
    {
        var topicArn = $"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.OperationsTopicName}";
        var policy = Run.OfType("aws:sns/topicPolicy:TopicPolicy").Single();
        var expected = TopicPolicies.OperationsTopic(topicArn, AwsMocks.SesConfigurationSetArn(Run.Plan.CustomerMail.ConfigurationSetName));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(policy.String("arn"), Is.EqualTo(topicArn));
            Assert.That(PolicyReader.Grants(policy.String("policy")), Is.EquivalentTo(PolicyReader.Grants(expected.ToJson())));
        }
    }

    [Test]
    public void OnlyTheCustomerMailFunction_MaySendEmail_AndOnlyFromTheStacksIdentity()
    {
        foreach (var policy in Run.OfType(RolePolicy))
        {
            var sends = PolicyReader.Grants(policy.String("policy")).Where(g => g.Action.StartsWith("ses:", StringComparison.Ordinal)).ToList();
            var isMail = policy.String("name") == Run.Plan.Functions.Single(f => f.Definition.Name == SystemTopology.NotifyCustomer.Name).PolicyName;
            Assert.That(
                sends,
                isMail
                    ? Is.EquivalentTo(new[] { ("ses:SendEmail", AwsMocks.SesIdentityArn(Run.Plan.CustomerMail.SenderAddress)), ("ses:SendEmail", AwsMocks.SesConfigurationSetArn(Run.Plan.CustomerMail.ConfigurationSetName)) })
                    : Is.Empty,
                policy.String("name"));
        }
    }

    [Test]
    public void EveryFunction_RunsTheNativeExecutableOnTheOsOnlyRuntimeBehindAnAlias()
    {
        foreach (var plan in Run.Plan.Functions)
        {
            var function = Run.Single(Function, f => f.String("name") == plan.Name, plan.Name);
            var alias = Run.Single(Alias, a => a.String("functionName") == plan.Name, $"alias of {plan.Name}");
            using (Assert.EnterMultipleScope())
            {
                Assert.That(function.String("runtime"), Is.EqualTo("provided.al2023"), plan.Name);
                Assert.That(function.String("handler"), Is.EqualTo(plan.Definition.Name), "_HANDLER is the topology name the bootstrap dispatches on");
                Assert.That(function.Strings("architectures"), Is.EqualTo(new[] { "x86_64" }), plan.Name);
                Assert.That(function.ArchivePath("code"), Is.EqualTo(Run.PackagePath), "the zip that keeps bootstrap executable, not the folder Pulumi would re-zip without modes");
                Assert.That(function.Has("snapStart"), Is.False, "SnapStart does not apply to OS-only runtimes");
                Assert.That(function.Bool("publish"), Is.True, plan.Name);
                Assert.That(function.Object("tracingConfig").Property<string>("mode"), Is.EqualTo("Active"), plan.Name);
                Assert.That(function.Object("loggingConfig").Property<string>("logFormat"), Is.EqualTo("JSON"), plan.Name);
                Assert.That(alias.String("name"), Is.EqualTo(FunctionPlan.LiveAlias), plan.Name);
                Assert.That(alias.String("functionVersion"), Is.EqualTo("1"), "the alias follows the published version");
            }
        }
    }

    [Test]
    public void EveryFunction_GetsExactlyItsDeclaredSettings()
    {
        foreach (var plan in Run.Plan.Functions)
        {
            var function = Run.Single(Function, f => f.String("name") == plan.Name, plan.Name);
            var variables = function.Object("environment").Property<ImmutableDictionary<string, object>>("variables");

            // Plus the optional settings the deployment knows (the customer e-mail's configuration set), as the plan says.
            var known = plan.Definition.OptionalSettings.Where(s => s == SettingNames.MailConfigurationSet);
            Assert.That(variables.Keys, Is.EquivalentTo(plan.Definition.Settings.Concat(known)), plan.Name);
            Assert.That(variables.Values, Has.All.InstanceOf<string>().And.Not.Empty, plan.Name);
        }
    }

    [Test]
    public void NoPolicy_HasWildcardActionOrResource()
    {
        var documents = Run.OfType(RolePolicy).Select(p => p.String("policy"))
            .Concat(Run.OfType("aws:s3/bucketPolicy:BucketPolicy").Select(p => p.String("policy")))
            .Concat(Run.OfType(QueuePolicy).Select(p => p.String("policy")))
            .Concat(Run.OfType(Role).Select(r => r.String("assumeRolePolicy")))
            .ToList();
        var statements = documents.SelectMany(PolicyReader.Statements).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(documents, Has.Count.GreaterThanOrEqualTo(2 * SystemTopology.Functions.Count), "every role and policy is checked");
            Assert.That(statements.Where(s => s.Effect == "Allow").SelectMany(s => s.Actions).Where(PolicyReader.IsWildcard), Is.Empty);
            Assert.That(statements.SelectMany(s => s.Resources), Has.None.EqualTo("*"));
            Assert.That(statements.SelectMany(s => s.Resources), Has.None.Contains("/index/*"));
        }
    }

    [Test]
    public void EveryTable_HasPointInTimeRecoveryAndEncryption()
    {
        var tables = Run.OfType(Table);

        Assert.That(tables.Select(t => t.String("name")), Is.EquivalentTo(Run.Plan.Tables.Select(t => t.Name)));
        foreach (var table in tables)
        {
            using (Assert.EnterMultipleScope())
            {
                Assert.That(table.Object("pointInTimeRecovery").Property<bool>("enabled"), Is.True, table.Name);
                Assert.That(table.Object("serverSideEncryption").Property<bool>("enabled"), Is.True, table.Name);
                Assert.That(table.String("billingMode"), Is.EqualTo("PAY_PER_REQUEST"), table.Name);
            }
        }
    }

    [Test]
    public void EveryTable_MatchesTheStorageSchema()
    {
        foreach (var schema in StorageSchema.Tables)
        {
            var table = Run.Single(Table, t => t.String("name") == Run.Plan.Table(schema).Name, schema.LogicalName);
            var indexes = table.Has("globalSecondaryIndexes") ? table.List("globalSecondaryIndexes") : [];
            using (Assert.EnterMultipleScope())
            {
                Assert.That(table.String("hashKey"), Is.EqualTo(schema.PartitionKey.Name));
                Assert.That(
                    indexes.Select(i => Inputs.As<ImmutableDictionary<string, object>>(i, "index").Property<string>("name")),
                    Is.EquivalentTo(schema.Indexes.Select(i => i.Name)));
                Assert.That(table.Bool("streamEnabled"), Is.EqualTo(schema.Stream is not null));
                if (schema.Stream is not null)
                {
                    Assert.That(table.String("streamViewType"), Is.EqualTo("NEW_AND_OLD_IMAGES"));
                }

                if (schema.TimeToLiveAttribute is not null)
                {
                    Assert.That(table.Object("ttl").Property<string>("attributeName"), Is.EqualTo(schema.TimeToLiveAttribute));
                }
            }
        }
    }

    [Test]
    public void Bucket_BlocksPublicAccessAndDeniesNonTls()
    {
        var bucket = Run.Single(Bucket, b => b.String("bucketPrefix") == Run.Plan.Buckets.Single().NamePrefix, "invoices bucket");
        var name = $"{bucket.String("bucketPrefix")}{AwsMocks.BucketSuffix}";
        var block = Run.Single("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", b => b.String("bucket") == name, "public access block");
        var policy = Run.Single("aws:s3/bucketPolicy:BucketPolicy", p => p.String("bucket") == name, "bucket policy");
        var encryption = Run.Single("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", e => e.String("bucket") == name, "encryption");
        var deny = PolicyReader.Statements(policy.String("policy")).Single();

        using (Assert.EnterMultipleScope())
        {
            foreach (var flag in new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" })
            {
                Assert.That(block.Bool(flag), Is.True, flag);
            }

            Assert.That(deny.Effect, Is.EqualTo("Deny"));
            Assert.That(deny.Condition!.Value.GetProperty("Bool").GetProperty("aws:SecureTransport").GetString(), Is.EqualTo("false"));
            Assert.That(deny.Resources, Is.EquivalentTo(new[] { $"arn:aws:s3:::{name}", $"arn:aws:s3:::{name}/*" }));
            var rule = Inputs.As<ImmutableDictionary<string, object>>(encryption.List("rules").Single(), "rule");
            Assert.That(
                rule.Property<ImmutableDictionary<string, object>>("applyServerSideEncryptionByDefault").Property<string>("sseAlgorithm"),
                Is.EqualTo("AES256"));
        }
    }

    [Test]
    public void Bucket_KeepsTheNamesAndTypesOfDeployedStacks()
    {
        // A resource's URN is its name, type and parent's type: change one and Pulumi replaces the deployed invoices bucket.
        // The mock monitor's URNs leave the parent out, so names and types are what this can hold still; the children stay
        // in the PrivateBucket component that creates them all.
        var name = StorageSchema.Invoices.LogicalName;
        var expected = new[]
        {
            $"order-processing:storage:PrivateBucket::{name}",
            $"aws:s3/bucket:Bucket::{name}-bucket",
            $"aws:s3/bucketOwnershipControls:BucketOwnershipControls::{name}-ownership",
            $"aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock::{name}-public-access-block",
            $"aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration::{name}-encryption",
            $"aws:s3/bucketPolicy:BucketPolicy::{name}-tls-only",
            $"aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration::{name}-lifecycle",
        };

        var invoices = Run.Resources
            .Where(r => r.GetResourceName() == name || r.GetResourceName().StartsWith($"{name}-", StringComparison.Ordinal))
            .Select(r => $"{r.GetResourceType()}::{r.GetResourceName()}");

        Assert.That(invoices, Is.EquivalentTo(expected));
    }

    [Test]
    public void EveryBucket_HasOnePolicy()
    {
        // S3 keeps one policy per bucket: two BucketPolicy resources on one bucket would overwrite each other.
        var buckets = Run.OfType(Bucket).Select(b => $"{b.String("bucketPrefix")}{AwsMocks.BucketSuffix}").ToList();
        var policies = Run.OfType("aws:s3/bucketPolicy:BucketPolicy").Select(p => p.String("bucket")).ToList();

        Assert.That(policies, Is.EquivalentTo(buckets));
    }

    [Test]
    public void Bucket_ExpiresInvoicesUnderItsPrefix()
    {
        var lifecycle = Run.OfType("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").Single();
        var rule = Inputs.As<ImmutableDictionary<string, object>>(lifecycle.List("rules").Single(), "rule");
        var bucket = Run.Plan.Buckets.Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.Property<string>("status"), Is.EqualTo("Enabled"));
            Assert.That(rule.Property<ImmutableDictionary<string, object>>("filter").Property<string>("prefix"), Is.EqualTo(StorageSchema.Invoices.KeyPrefix));
            Assert.That(rule.Property<ImmutableDictionary<string, object>>("expiration").Property<double>("days"), Is.EqualTo(bucket.ExpirationDays));
        }
    }

    [Test]
    public void EveryStage_HasQueueSubscriptionCappedTriggerAndAlarm()
    {
        var topic = $"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.OrderEventsTopicName}";
        var operations = $"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.OperationsTopicName}";

        foreach (var definition in SystemTopology.Stages)
        {
            var stage = Run.Plan.Stages.Single(s => s.Function.Definition == definition);
            var queueArn = $"arn:aws:sqs:{AwsMocks.Region}:{AwsMocks.Account}:{stage.QueueName}";
            var queueUrl = $"https://sqs.{AwsMocks.Region}.amazonaws.com/{AwsMocks.Account}/{stage.QueueName}";
            var subscription = Run.Single(Subscription, s => s.String("endpoint") == queueArn, $"subscription of {stage.QueueName}");
            var queuePolicy = Run.Single(QueuePolicy, p => p.String("queueUrl") == queueUrl, $"policy of {stage.QueueName}");
            var trigger = Run.Single(EventSourceMapping, m => m.String("eventSourceArn") == queueArn, $"trigger of {stage.QueueName}");
            // Only dead-letter alarms have a QueueName dimension; function and API alarms are skipped, not read.
            var alarm = Run.Single(Alarm, a => Dimension(a, "QueueName") == stage.DeadLetterQueueName, $"alarm on {stage.DeadLetterQueueName}");
            using var filter = JsonDocument.Parse(subscription.String("filterPolicy"));
            var delivery = PolicyReader.Statements(queuePolicy.String("policy")).Single();

            using (Assert.EnterMultipleScope())
            {
                Assert.That(subscription.String("topic"), Is.EqualTo(topic), definition.Name);
                Assert.That(subscription.String("protocol"), Is.EqualTo("sqs"), definition.Name);
                Assert.That(subscription.Bool("rawMessageDelivery"), Is.True, definition.Name);
                Assert.That(subscription.String("filterPolicyScope"), Is.EqualTo("MessageBody"), definition.Name);
                Assert.That(filter.RootElement.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "status" }), definition.Name);
                Assert.That(filter.RootElement.GetProperty("status").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(definition.Trigger.Statuses.Select(s => s.ToWire())), definition.Name);
                Assert.That(delivery.Principal!.Value.GetProperty("Service").GetString(), Is.EqualTo("sns.amazonaws.com"), definition.Name);
                Assert.That(delivery.Actions, Is.EqualTo(new[] { "sqs:SendMessage" }), definition.Name);
                Assert.That(delivery.Resources, Is.EqualTo(new[] { queueArn }), definition.Name);
                Assert.That(delivery.Condition!.Value.GetProperty("ArnEquals").GetProperty("aws:SourceArn").GetString(), Is.EqualTo(topic), definition.Name);
                Assert.That(trigger.Strings("functionResponseTypes"), Does.Contain("ReportBatchItemFailures"), definition.Name);
                Assert.That(trigger.String("functionName"), Does.EndWith($":function:{stage.Function.Name}:{FunctionPlan.LiveAlias}"), definition.Name);
                Assert.That(trigger.Number("batchSize"), Is.EqualTo(definition.BatchSize), definition.Name);
                Assert.That(trigger.Object("scalingConfig").Property<double>("maximumConcurrency"), Is.EqualTo(definition.MaximumConcurrency), definition.Name);
                Assert.That(alarm.Strings("alarmActions"), Is.EqualTo(new[] { operations }), definition.Name);
            }
        }
    }

    [Test]
    public void OrdersStream_HasOneReader_FromTheOldestRecord_IntoTheOrderEventsTopic()
    {
        var ordersStream = $"arn:aws:dynamodb:{AwsMocks.Region}:{AwsMocks.Account}:table/{Run.Plan.Table(StorageSchema.Orders).Name}/stream/2025-01-01T00:00:00.000";
        var topic = Run.Single(Topic, t => t.String("name") == Run.Plan.Notifications.OrderEventsTopicName, "order-events topic");
        var pipe = Run.OfType(Pipe).Single();
        var source = pipe.Object("sourceParameters");
        var stream = source.Property<ImmutableDictionary<string, object>>("dynamodbStreamParameters");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pipe.String("name"), Is.EqualTo(Run.Plan.Notifications.PipeName));
            Assert.That(pipe.String("source"), Is.EqualTo(ordersStream));
            Assert.That(stream.Property<string>("startingPosition"), Is.EqualTo("TRIM_HORIZON"));
            Assert.That(stream.Property<ImmutableDictionary<string, object>>("deadLetterConfig").Property<string>("arn"),
                Is.EqualTo($"arn:aws:sqs:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.PipeDeadLetterQueueName}"));
            Assert.That(Filter(pipe), Is.EqualTo(Run.Plan.Notifications.FilterPattern));
            Assert.That(Filter(pipe), Does.Contain($"\"{OrderItemAttributes.EnteredStatus}\""), "only transitions are forwarded");
            Assert.That(pipe.String("target"), Is.EqualTo($"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{topic.String("name")}"));
            Assert.That(pipe.Object("targetParameters").Property<string>("inputTemplate"), Is.EqualTo(Run.Plan.Notifications.InputTemplate));
            Assert.That(topic.String("kmsMasterKeyId"), Is.EqualTo("alias/aws/sns"));
        }
    }

    [Test]
    public void EveryPlannedAlarm_IsCreatedAndNotifiesOperations()
    {
        var operations = $"arn:aws:sns:{AwsMocks.Region}:{AwsMocks.Account}:{Run.Plan.Notifications.OperationsTopicName}";
        var alarms = Run.OfType(Alarm);

        Assert.That(alarms.Select(a => a.String("name")), Is.EquivalentTo(Run.Plan.Alarms.Select(a => a.Name)));
        Assert.That(alarms.Select(a => a.Strings("alarmActions")), Has.All.EqualTo(new[] { operations }));
    }

    [Test]
    public void Api_RoutesEveryPathToTheApiAliasThroughOneRestApi()
    {
        var restApi = Run.OfType(RestApi).Single();
        var apiAlias = Run.Single(Alias, a => a.String("functionName") == Run.Plan.ApiFunction.Name, "API alias");
        var aliasArn = $"arn:aws:lambda:{AwsMocks.Region}:{AwsMocks.Account}:function:{Run.Plan.ApiFunction.Name}:{apiAlias.String("name")}";
        using var document = JsonDocument.Parse(restApi.String("swaggerString"));
        var route = document.RootElement.GetProperty("paths").GetProperty(ApiPlan.ProxyPath).GetProperty("x-amazon-apigateway-any-method");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(restApi.Has("routes"), Is.False, "the OpenAPI document, not event-handler routes, defines the API");
            Assert.That(route.GetProperty("x-amazon-apigateway-integration").GetProperty("uri").GetString(), Does.Contain($"/functions/{aliasArn}/invocations"));
            Assert.That(restApi.String("stageName"), Is.EqualTo(Run.Plan.Api.StageName));
            Assert.That(restApi.Strings("binaryMediaTypes"), Is.EqualTo(ApiPlan.BinaryMediaTypes));
        }
    }

    [Test]
    public void Sweeper_IsInvokedOnItsPlannedRateByOneRuleThatAloneMayInvokeItsAlias()
    {
        var schedule = Run.Plan.Schedules.Single();
        var rule = Run.OfType("aws:cloudwatch/eventRule:EventRule").Single();
        var target = Run.OfType("aws:cloudwatch/eventTarget:EventTarget").Single();
        var permission = Run.OfType("aws:lambda/permission:Permission").Single(p => p.String("principal") == "events.amazonaws.com");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rule.String("name"), Is.EqualTo(schedule.RuleName));
            Assert.That(rule.String("scheduleExpression"), Is.EqualTo("rate(5 minutes)"));
            Assert.That(target.String("rule"), Is.EqualTo(schedule.RuleName));
            Assert.That(target.String("arn"), Is.EqualTo($"arn:aws:lambda:{AwsMocks.Region}:{AwsMocks.Account}:function:{schedule.Function.Name}:{FunctionPlan.LiveAlias}"));
            Assert.That(permission.String("function"), Is.EqualTo(schedule.Function.Name));
            Assert.That(permission.String("qualifier"), Is.EqualTo(FunctionPlan.LiveAlias));
            Assert.That(permission.String("sourceArn"), Is.EqualTo($"arn:aws:events:{AwsMocks.Region}:{AwsMocks.Account}:rule/{schedule.RuleName}"));
        }
    }

    [Test]
    public void Api_MayInvokeOnlyTheApiAliasFromItsStage()
    {
        var permission = Run.OfType("aws:lambda/permission:Permission").Single(p => p.String("principal") == "apigateway.amazonaws.com");
        var endpoint = ApiEndpoint.Parse(AwsMocks.ApiUrl);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(permission.String("function"), Is.EqualTo(Run.Plan.ApiFunction.Name));
            Assert.That(permission.String("qualifier"), Is.EqualTo(FunctionPlan.LiveAlias));
            Assert.That(permission.String("principal"), Is.EqualTo("apigateway.amazonaws.com"));
            Assert.That(permission.String("sourceArn"), Is.EqualTo($"arn:aws:execute-api:{AwsMocks.Region}:{AwsMocks.Account}:{endpoint.ApiId}/{endpoint.Stage}/*"));
        }
    }

    [Test]
    public void Api_IsThrottledAsTheStackSays()
    {
        var settings = Run.Single("aws:apigateway/methodSettings:MethodSettings", _ => true, "method settings");
        var throttling = settings.Object("settings");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.String("restApi"), Is.EqualTo(ApiEndpoint.Parse(AwsMocks.ApiUrl).ApiId));
            Assert.That(settings.String("methodPath"), Is.EqualTo("*/*"));
            Assert.That(throttling.Property<double>("throttlingRateLimit"), Is.EqualTo(Run.Plan.Api.RateLimit));
            Assert.That(throttling.Property<double>("throttlingBurstLimit"), Is.EqualTo(Run.Plan.Api.BurstLimit));
        }
    }

    [Test]
    public async Task Stack_ExportsApiUrl()
    {
        var outputs = await Run.StackOutputsAsync();

        Assert.That(outputs, Does.ContainKey("apiUrl"));
        Assert.That(outputs["apiUrl"], Is.TypeOf<string>().And.EqualTo(AwsMocks.ApiUrl));
    }

    [Test]
    public async Task Stack_ExportsEveryNameAUserNeeds()
    {
        var outputs = await Run.StackOutputsAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Inputs.As<ImmutableDictionary<string, object?>>(outputs["tables"], "tables").Keys, Is.EquivalentTo(StorageSchema.Tables.Select(t => t.LogicalName)));
            Assert.That(Inputs.As<ImmutableDictionary<string, object?>>(outputs["queues"], "queues").Keys, Is.EquivalentTo(SystemTopology.QueueFunctions.Select(s => s.Name)));
            Assert.That(Inputs.As<ImmutableDictionary<string, object?>>(outputs["deadLetterQueues"], "deadLetterQueues").Values, Has.All.InstanceOf<string>().And.StartWith("https://sqs."));
            Assert.That(Inputs.As<ImmutableDictionary<string, object?>>(outputs["functions"], "functions").Keys, Is.EquivalentTo(SystemTopology.Functions.Select(f => f.Name)));
            Assert.That(outputs["pipeDeadLetterQueue"], Is.TypeOf<string>().And.EndWith("/" + Run.Plan.Notifications.PipeDeadLetterQueueName));
            Assert.That(outputs["invoicesBucket"], Is.TypeOf<string>().And.StartWith(Run.Plan.Buckets.Single().NamePrefix));
            Assert.That(outputs["orderEventsTopicArn"], Is.TypeOf<string>().And.EndWith(":" + Run.Plan.Notifications.OrderEventsTopicName));
            Assert.That(outputs["operationsTopicArn"], Is.TypeOf<string>().And.EndWith(":" + Run.Plan.Notifications.OperationsTopicName));
            Assert.That(outputs["dashboardName"], Is.TypeOf<string>().And.EqualTo(Run.Plan.DashboardName));
            Assert.That(outputs["apiAuth"], Is.TypeOf<string>());
        }
    }

    [Test]
    public void Program_CallsNoProviderFunctions()
    {
        Assert.That(Run.Mocks.Calls.Select(c => c.Token), Is.Empty, "the region and account come from resource ARNs");
    }

    [Test]
    public void StreamPipeAndItsRole_KeepTheirResourceNames()
    {
        // Written out as they were before one helper built the pipe: a new resource name is a new URN, and Pulumi would
        // replace the pipe instead of updating it. (The mocks' URNs do not show the parent.)
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Run.OfType(Pipe).Select(p => p.Name), Is.EqualTo(new[] { "notifications-order-events-pipe" }));
            Assert.That(Run.OfType(Role).Select(r => r.Name), Does.Contain("notifications-order-events-pipe-role"));
            Assert.That(Run.OfType(RolePolicy).Select(r => r.Name), Does.Contain("notifications-order-events-pipe-access"));
        }
    }

    [Test]
    public void Statuses_WithoutAStage_AreNotSubscribed()
    {
        var subscriptions = Run.OfType(Subscription).Where(s => s.String("protocol") == "sqs").ToList();

        Assert.That(subscriptions, Has.Count.EqualTo(SystemTopology.QueueFunctions.Count), "one queue subscription per queue-fed function");
        foreach (var status in Enum.GetValues<OrderStatus>().Where(s => SystemTopology.StageFor(s) is null))
        {
            // No stage queue takes it; only the event subscribers that declare it (the customer e-mail) do.
            var subscribers = Run.Plan.Stages
                .Where(s => s.Function.Definition.Trigger.Kind == TriggerKind.EventQueue && s.Function.Definition.Trigger.Statuses.Contains(status))
                .Select(s => $"arn:aws:sqs:{AwsMocks.Region}:{AwsMocks.Account}:{s.QueueName}");
            Assert.That(
                subscriptions.Where(s => s.String("filterPolicy").Contains($"\"{status.ToWire()}\"", StringComparison.Ordinal)).Select(s => s.String("endpoint")),
                Is.EquivalentTo(subscribers),
                status.ToWire());
        }
    }

    [Test]
    public void EveryComponent_RegistersItsOutputsAndNamesItsChildrenAfterItself()
    {
        var components = Run.Resources
            .Where(r => r.GetResourceType().StartsWith("order-processing:", StringComparison.Ordinal))
            .ToList();
        var registered = Run.Mocks.RegisteredOutputs.Keys
            .Where(urn => urn.Split("::")[2].Split('$')[^1].StartsWith("order-processing:", StringComparison.Ordinal))
            .ToList();
        // Children are named after their component, so two instances of a component never collide.
        var orphans = Run.Resources
            .Where(r => r is not Pulumi.Stack && !r.GetResourceType().StartsWith("order-processing:", StringComparison.Ordinal))
            .Select(r => r.GetResourceName())
            .Where(name => !components.Any(c => name.StartsWith(c.GetResourceName() + "-", StringComparison.Ordinal)))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(components, Is.Not.Empty);
            Assert.That(registered, Has.Count.EqualTo(components.Count));
            Assert.That(orphans, Is.Empty, "every resource is named after the component that owns it");
        }
    }

    private static string? Dimension(Pulumi.Testing.MockResourceArgs alarm, string name) =>
        alarm.Object("dimensions").TryGetValue(name, out var value) ? value as string : null;

    private static string Filter(Pulumi.Testing.MockResourceArgs pipe) =>
        string.Join('\n', pipe.Object("sourceParameters").Property<ImmutableDictionary<string, object>>("filterCriteria")
            .Property<ImmutableArray<object>>("filters").Select(f => Inputs.As<ImmutableDictionary<string, object>>(f, "filter").Property<string>("pattern")));

    [Test]
    public void ShopBucket_IsPrivateAndNoWebsite()
    {
        var bucket = Run.Single(Bucket, b => b.String("bucketPrefix") == Run.Plan.Shop.BucketNamePrefix, "shop bucket");
        var name = $"{bucket.String("bucketPrefix")}{AwsMocks.BucketSuffix}";
        var block = Run.Single("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", b => b.String("bucket") == name, "shop public access block");

        using (Assert.EnterMultipleScope())
        {
            foreach (var flag in new[] { "blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets" })
            {
                Assert.That(block.Bool(flag), Is.True, flag);
            }

            Assert.That(Run.Mocks.Resources.Where(r => r.Type!.StartsWith("aws:s3/bucketWebsiteConfiguration", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Run.Mocks.Resources.Where(r => r.Type!.StartsWith("aws:s3/bucketAcl", StringComparison.Ordinal)), Is.Empty);
            Assert.That(bucket.Has("website"), Is.False);
        }
    }

    [Test]
    public void ShopBucket_IsReadOnlyByItsDistributionThroughOriginAccessControl()
    {
        var name = $"{Run.Plan.Shop.BucketNamePrefix}{AwsMocks.BucketSuffix}";
        var policy = Run.Single("aws:s3/bucketPolicy:BucketPolicy", p => p.String("bucket") == name, "shop bucket policy");
        var statements = PolicyReader.Statements(policy.String("policy"));
        var allow = statements.Single(st => st.Effect == "Allow");
        var accessControl = Run.OfType("aws:cloudfront/originAccessControl:OriginAccessControl").Single();
        var distribution = Run.OfType(Distribution).Single();
        var origin = Inputs.As<ImmutableDictionary<string, object>>(distribution.List("origins").Single(), "origin");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allow.Actions, Is.EqualTo(new[] { "s3:GetObject" }));
            Assert.That(allow.Resources, Is.EqualTo(new[] { $"arn:aws:s3:::{name}/*" }));
            Assert.That(allow.Condition!.Value.GetProperty("StringEquals").GetProperty("AWS:SourceArn").GetString(), Is.EqualTo(AwsMocks.DistributionArn));
            Assert.That(policy.String("policy"), Does.Contain("\"Service\":\"cloudfront.amazonaws.com\""));
            Assert.That(statements.Single(st => st.Effect == "Deny").Condition!.Value.GetProperty("Bool").GetProperty("aws:SecureTransport").GetString(), Is.EqualTo("false"));
            Assert.That(accessControl.String("signingProtocol"), Is.EqualTo("sigv4"));
            Assert.That(accessControl.String("signingBehavior"), Is.EqualTo("always"));
            Assert.That(accessControl.String("originAccessControlOriginType"), Is.EqualTo("s3"));
            Assert.That(origin.Property<string>("originAccessControlId"), Is.EqualTo($"{accessControl.Name}-id"));
            Assert.That(origin.Property<string>("domainName"), Is.EqualTo($"{name}.s3.{AwsMocks.Region}.amazonaws.com"));
        }
    }

    [Test]
    public void ShopDistribution_RedirectsToHttpsAndSendsSecurityHeaders()
    {
        var distribution = Run.OfType(Distribution).Single();
        var behavior = distribution.Object("defaultCacheBehavior");
        var policy = Run.OfType("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy").Single();
        var headers = policy.Object("securityHeadersConfig");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(behavior.Property<string>("viewerProtocolPolicy"), Is.EqualTo("redirect-to-https"));
            Assert.That(distribution.Has("orderedCacheBehaviors"), Is.False, "no other behaviour that could allow HTTP");
            Assert.That(behavior.Property<string>("responseHeadersPolicyId"), Is.EqualTo($"{policy.Name}-id"));
            Assert.That(distribution.String("defaultRootObject"), Is.EqualTo("index.html"));
            Assert.That(headers.Property<ImmutableDictionary<string, object>>("strictTransportSecurity").Property<double>("accessControlMaxAgeSec"), Is.GreaterThanOrEqualTo(31_536_000));
            Assert.That(headers.Property<ImmutableDictionary<string, object>>("frameOptions").Property<string>("frameOption"), Is.EqualTo("DENY"));
            Assert.That(headers.Property<ImmutableDictionary<string, object>>("contentTypeOptions").Property<bool>("override"), Is.True);
            Assert.That(headers.Property<ImmutableDictionary<string, object>>("referrerPolicy").Property<string>("referrerPolicy"), Is.EqualTo("strict-origin-when-cross-origin"));
            Assert.That(headers.Property<ImmutableDictionary<string, object>>("contentSecurityPolicy").Property<string>("contentSecurityPolicy"), Is.EqualTo(Run.Plan.Shop.ContentSecurityPolicy));
        }
    }

    [Test]
    public void ShopBucket_HoldsThePageAndItsConfig()
    {
        var objects = Run.OfType("aws:s3/bucketObjectv2:BucketObjectv2");
        var config = objects.Single(o => o.String("key") == "config.json");
        using var json = JsonDocument.Parse(config.String("content"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(objects.Select(o => o.String("key")), Is.EquivalentTo(ShopPlan.Files(OrderProcessing.DevTools.RepositoryRoot.Path).Select(f => f.Key).Append("config.json")));
            Assert.That(objects.Select(o => o.String("bucket")), Has.All.EqualTo($"{Run.Plan.Shop.BucketNamePrefix}{AwsMocks.BucketSuffix}"));
            Assert.That(json.RootElement.GetProperty("apiUrl").GetString(), Is.EqualTo(AwsMocks.ApiUrl));
            Assert.That(json.RootElement.GetProperty("auth").GetString(), Is.EqualTo(Run.Plan.Settings.ApiAuth.Spelling()));
            if (Run.Plan.SignIn is { } signIn)
            {
                var cognito = json.RootElement.GetProperty("cognito");
                Assert.That(cognito.GetProperty("clientId").GetString(), Is.EqualTo(AwsMocks.UserPoolClientId));
                Assert.That(cognito.GetProperty("domain").GetString(), Is.EqualTo(signIn.HostedUiUrl));
                Assert.That(cognito.GetProperty("redirectUri").GetString(), Is.EqualTo(ShopUrl));
            }
        }
    }

    [Test]
    public async Task Stack_ExportsTheShopUrlAndSignIn()
    {
        var outputs = await Run.StackOutputsAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outputs["shopUrl"], Is.TypeOf<string>().And.EqualTo(ShopUrl));
            if (Run.Plan.SignIn is { } signIn)
            {
                Assert.That(outputs["userPoolId"], Is.EqualTo(AwsMocks.UserPoolId));
                Assert.That(outputs["userPoolClientId"], Is.EqualTo(AwsMocks.UserPoolClientId));
                Assert.That(outputs["signInUrl"], Is.EqualTo(signIn.HostedUiUrl));
            }
            else
            {
                Assert.That(outputs, Does.Not.ContainKey("userPoolId"));
            }
        }
    }

    [Test]
    public void CognitoStack_GuardsEveryNonPublicRouteWithItsUserPool()
    {
        var restApi = Run.OfType(RestApi).Single();
        using var document = JsonDocument.Parse(restApi.String("swaggerString"));
        if (Run.Plan.SignIn is null)
        {
            Assert.That(document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { ApiPlan.ProxyPath }));
            Assert.That(Run.OfType("aws:cognito/userPool:UserPool"), Is.Empty);
            return;
        }

        var authorizer = document.RootElement.GetProperty("securityDefinitions").GetProperty(OpenApiDocument.CognitoScheme).GetProperty("x-amazon-apigateway-authorizer");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(authorizer.GetProperty("providerARNs")[0].GetString(), Is.EqualTo(AwsMocks.UserPoolArn));
            foreach (var route in SystemTopology.ApiRoutes)
            {
                var operation = document.RootElement.GetProperty("paths").GetProperty(route.Path).GetProperty(route.Method.ToLowerInvariant());
                Assert.That(operation.TryGetProperty("security", out _), Is.EqualTo(route.Access != ApiAccess.Public), route.Key);
            }
        }
    }

    [Test]
    public void CognitoStack_SignsInThroughAPublicPkceClientReturningToTheShop()
    {
        if (Run.Plan.SignIn is not { } signIn)
        {
            Assert.That(Run.OfType("aws:cognito/userPoolClient:UserPoolClient"), Is.Empty);
            return;
        }

        var pool = Run.OfType("aws:cognito/userPool:UserPool").Single();
        var client = Run.OfType("aws:cognito/userPoolClient:UserPoolClient").Single();
        var group = Run.OfType("aws:cognito/userGroup:UserGroup").Single();
        var domain = Run.OfType("aws:cognito/userPoolDomain:UserPoolDomain").Single();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(pool.Strings("usernameAttributes"), Is.EqualTo(new[] { "email" }));
            Assert.That(pool.Strings("autoVerifiedAttributes"), Is.EqualTo(new[] { "email" }));
            Assert.That(pool.Object("adminCreateUserConfig").Property<bool>("allowAdminCreateUserOnly"), Is.False, "self sign-up");
            Assert.That(pool.Object("passwordPolicy").Property<double>("minimumLength"), Is.GreaterThanOrEqualTo(12));
            Assert.That(pool.String("deletionProtection"), Is.EqualTo(signIn.DeletionProtectionMode));
            Assert.That(client.Bool("generateSecret"), Is.False);
            Assert.That(client.Strings("allowedOauthFlows"), Is.EqualTo(new[] { "code" }));
            Assert.That(client.Strings("allowedOauthScopes"), Is.EquivalentTo(new[] { "openid", "email", "profile" }));
            Assert.That(client.Strings("callbackUrls"), Is.EqualTo(new[] { ShopUrl }));
            Assert.That(client.Strings("logoutUrls"), Is.EqualTo(new[] { ShopUrl }));
            Assert.That(client.String("userPoolId"), Is.EqualTo(AwsMocks.UserPoolId));
            Assert.That(group.String("name"), Is.EqualTo(CallerClaimsOperators));
            Assert.That(domain.String("domain"), Is.EqualTo(signIn.DomainPrefix));
        }
    }

    [Test]
    public void ShopOnlyStack_AllowsExactlyTheShopsOrigin()
    {
        var api = Run.Single(Function, f => f.String("name") == Run.Plan.ApiFunction.Name, "api function");
        var variables = api.Object("environment").Property<ImmutableDictionary<string, object>>("variables");
        var expected = Run.Plan.Settings.CorsAllowsShopOnly ? $"https://{AwsMocks.DistributionDomain}" : Run.Plan.Settings.CorsAllowOrigin;

        Assert.That(variables[SettingNames.CorsAllowOrigin], Is.EqualTo(expected));
    }

    private const string Distribution = "aws:cloudfront/distribution:Distribution";

    private const string CallerClaimsOperators = OrderProcessing.Topology.Events.ApiGateway.CallerClaims.OperatorsGroup;

    private static readonly string ShopUrl = $"https://{AwsMocks.DistributionDomain}/";
}
