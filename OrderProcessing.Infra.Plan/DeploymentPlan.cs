using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Identity;
using OrderProcessing.Infra.Plan.Monitoring;
using OrderProcessing.Infra.Plan.Notifications;
using OrderProcessing.Infra.Plan.Pipeline;
using OrderProcessing.Infra.Plan.Scheduling;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Shop;
using OrderProcessing.Infra.Plan.Storage;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Naming;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan;

/// <summary>
/// Everything about a stack that can be decided without Pulumi: names, sizes, filters, alarms, derived from the topology,
/// the storage schema and the stack settings. The Pulumi program turns each part into resources one to one, so what these
/// plans say is what gets deployed, and their tests run on every machine.
/// </summary>
public sealed class DeploymentPlan
{
    private DeploymentPlan(
        StackSettings settings,
        ResourceNames names,
        IReadOnlyList<TablePlan> tables,
        IReadOnlyList<BucketPlan> buckets,
        IReadOnlyList<FunctionPlan> functions,
        IReadOnlyList<StagePlan> stages,
        ApiPlan api,
        NotificationsPlan notifications,
        IReadOnlyList<AlarmDefinition> functionAlarms,
        IReadOnlyList<SchedulePlan> schedules,
        AlarmDefinition stuckOrdersAlarm)
    {
        Schedules = schedules;
        StuckOrdersAlarm = stuckOrdersAlarm;
        Settings = settings;
        Names = names;
        Tables = tables;
        Buckets = buckets;
        Functions = functions;
        Stages = stages;
        Api = api;
        Notifications = notifications;
        FunctionAlarms = functionAlarms;
    }

    /// <summary>The stack's settings.</summary>
    public StackSettings Settings { get; }

    /// <summary>The stack's physical names.</summary>
    public ResourceNames Names { get; }

    /// <summary>One table per table of the storage schema.</summary>
    public IReadOnlyList<TablePlan> Tables { get; }

    /// <summary>One bucket per bucket of the storage schema.</summary>
    public IReadOnlyList<BucketPlan> Buckets { get; }

    /// <summary>One function per function of the topology, in topology order.</summary>
    public IReadOnlyList<FunctionPlan> Functions { get; }

    /// <summary>One stage per stage function of the topology, in pipeline order.</summary>
    public IReadOnlyList<StagePlan> Stages { get; }

    /// <summary>Customer e-mail in SES: the sender's identity and the configuration set with its bounce and complaint destination.</summary>
    public CustomerMailPlan CustomerMail => CustomerMailPlan.For(Settings, Names);

    /// <summary>The REST API.</summary>
    public ApiPlan Api { get; }

    /// <summary>Customers' and operators' sign-in (Cognito), or null when the stack authenticates callers otherwise.</summary>
    public SignInPlan? SignIn => Settings.ApiAuth == ApiAuthMode.Cognito
        ? SignInPlan.For(Names.Prefix, Names.Region, Settings.DeletionProtection)
        : null;

    /// <summary>The shop page: a private bucket behind CloudFront.</summary>
    public ShopPlan Shop => new($"{Names.Prefix}-shop-", !Settings.DeletionProtection, Names.Region, Settings.ApiAuth, SignIn);

    /// <summary>The topics and the one pipe reading the orders stream.</summary>
    public NotificationsPlan Notifications { get; }

    /// <summary>Error and throttle alarms of every function.</summary>
    public IReadOnlyList<AlarmDefinition> FunctionAlarms { get; }

    /// <summary>One rule per scheduled function of the topology (the stuck-order sweeper).</summary>
    public IReadOnlyList<SchedulePlan> Schedules { get; }

    /// <summary>
    /// Fires when the sweeper nudges an order that it had nudged before in the same status and version: the order is
    /// stuck twice, so its stage is failing, not just a message lost (the sweeper's <c>StuckOrdersNudgedAgain</c> metric).
    /// </summary>
    public AlarmDefinition StuckOrdersAlarm { get; }

    /// <summary>The dashboard's name.</summary>
    public string DashboardName => Names.Dashboard;

    /// <summary>The plan of the table declared as <paramref name="schema"/>.</summary>
    public TablePlan Table(TableSchema schema) => Tables.Single(t => t.Schema == schema);

    /// <summary>The plan of the API function.</summary>
    public FunctionPlan ApiFunction => Functions.Single(f => f.Definition.Trigger.Kind == TriggerKind.Http);

    /// <summary>Every alarm of the stack.</summary>
    public IReadOnlyList<AlarmDefinition> Alarms =>
        Stages.Select(s => s.DeadLetterAlarm)
            .Append(Notifications.PipeDeadLetterAlarm)
            .Concat(FunctionAlarms)
            .Append(Api.ServerErrorAlarm)
            .Append(StuckOrdersAlarm)
            .ToList();

    /// <summary>Every physical name the plan chooses, with its kind.</summary>
    public IReadOnlyList<PhysicalName> PhysicalNames =>
    [
        .. Tables.Select(t => new PhysicalName(NameKind.DynamoDbTable, t.Name)),
        .. Buckets.Select(b => new PhysicalName(NameKind.S3BucketPrefix, b.NamePrefix)),
        .. Functions.SelectMany(f => new[]
        {
            new PhysicalName(NameKind.LambdaFunction, f.Name),
            new PhysicalName(NameKind.IamRole, f.RoleName),
            new PhysicalName(NameKind.IamRolePolicy, f.PolicyName),
            new PhysicalName(NameKind.LogGroup, f.LogGroupName),
        }),
        .. Stages.SelectMany(s => new[]
        {
            new PhysicalName(NameKind.SqsQueue, s.QueueName),
            new PhysicalName(NameKind.SqsQueue, s.DeadLetterQueueName),
        }),
        new PhysicalName(NameKind.SnsTopic, Notifications.OrderEventsTopicName),
        new PhysicalName(NameKind.SnsTopic, Notifications.OperationsTopicName),
        new PhysicalName(NameKind.Pipe, Notifications.PipeName),
        new PhysicalName(NameKind.IamRole, Notifications.PipeRoleName),
        new PhysicalName(NameKind.SqsQueue, Notifications.PipeDeadLetterQueueName),
        new PhysicalName(NameKind.RestApi, Api.RestApiName),
        new PhysicalName(NameKind.ApiStage, Api.StageName),
        new PhysicalName(NameKind.UsagePlan, Api.UsagePlanName),
        new PhysicalName(NameKind.ApiKey, Api.ApiKeyName),
        new PhysicalName(NameKind.Dashboard, DashboardName),
        .. Schedules.Select(s => new PhysicalName(NameKind.EventRule, s.RuleName)),
        .. Alarms.Select(a => new PhysicalName(NameKind.Alarm, a.Name)),
    ];

    /// <summary>
    /// The plan of stack <paramref name="stackName"/> in <paramref name="region"/> (the stack's <c>aws:region</c>, which
    /// role names carry) with <paramref name="settings"/>.
    /// </summary>
    public static DeploymentPlan Create(string stackName, string region, StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var names = new ResourceNames(stackName, region);

        var tables = StorageSchema.Tables
            .Select(t => new TablePlan(t, names.Table(t), settings.DeletionProtection))
            .ToList();
        var buckets = StorageSchema.Buckets
            .Select(b => new BucketPlan(b, names.BucketPrefix(b), !settings.DeletionProtection, settings.InvoiceTransitionDays, settings.InvoiceExpirationDays))
            .ToList();
        var functions = SystemTopology.Functions
            .Select(f => new FunctionPlan(
                f,
                names.Function(f),
                names.FunctionRole(f),
                names.LogGroup(f),
                FunctionPlan.LiveAlias,
                settings.FunctionMemory.TryGetValue(f.Name, out var memory) ? memory : f.MemoryMb,
                settings.LogRetentionDays,
                f.Trigger.Kind == TriggerKind.Http ? settings.ApiReservedConcurrency : null))
            .ToList();
        var stages = functions
            .Where(f => f.Definition.Trigger.IsQueue)
            .Select(f => Stage(names, f))
            .ToList();

        var api = new ApiPlan(
            names.RestApi,
            "v1",
            settings.ApiAuth,
            settings.ThrottleRateLimit,
            settings.ThrottleBurstLimit,
            names.UsagePlan,
            names.ApiKey,
            settings.CorsAllowOrigin,
            ServerErrors(names, names.RestApi, "v1"));

        var notifications = new NotificationsPlan(
            names.OrderEventsTopic,
            names.OrderEventsPipe,
            names.OrderEventsPipeRole,
            names.PipeDeadLetterQueue,
            StreamFilters.ForTransitions(),
            EnvelopeTemplate.InputTemplate(),
            names.OperationsTopic,
            settings.AlarmEmails,
            DeadLetters(names, "pipes", names.PipeDeadLetterQueue, "order transitions the stream pipe could not publish after its retries, so no stage was started and no event published; each message names the pipe, shard and sequence numbers"));

        var functionAlarms = functions.SelectMany(f => new[] { FunctionErrors(names, f), FunctionThrottles(names, f) }).ToList();

        var schedules = functions
            .Where(f => f.Definition.Trigger.Kind == TriggerKind.Schedule)
            .Select(f => new SchedulePlan(f, names.ScheduleRule(f.Definition), SchedulePlan.RateExpression(f.Definition.Trigger.Every!.Value)))
            .ToList();

        return new DeploymentPlan(settings, names, tables, buckets, functions, stages, api, notifications, functionAlarms, schedules, StuckOrders(names, settings));
    }

    private static StagePlan Stage(ResourceNames names, FunctionPlan function)
    {
        var definition = function.Definition;
        var statuses = definition.Trigger.Statuses is { Count: > 0 } triggering
            ? triggering
            : throw new InvalidOperationException($"Stage '{definition.Name}' has no triggering status.");
        var deadLetterQueue = names.DeadLetterQueue(definition);
        return new StagePlan(
            function,
            statuses,
            names.Queue(definition),
            deadLetterQueue,
            definition.QueueVisibilityTimeoutSeconds,
            definition.MaxReceiveCount,
            definition.BatchSize,
            definition.MaximumConcurrency is >= StagePlan.MinimumConcurrencyCap and <= StagePlan.MaximumConcurrencyCap
                ? definition.MaximumConcurrency
                : throw new InvalidOperationException(
                    $"Stage '{definition.Name}' has MaximumConcurrency {definition.MaximumConcurrency}; Lambda accepts {StagePlan.MinimumConcurrencyCap} to {StagePlan.MaximumConcurrencyCap} on a queue trigger."),
            StreamFilters.ForStatuses(statuses),
            DeadLetters(names, definition.Name, deadLetterQueue, $"orders that failed {definition.Name} {definition.MaxReceiveCount} times; inspect the messages, fix the cause, then redrive them"));
    }

    private static AlarmDefinition DeadLetters(ResourceNames names, string subject, string queueName, string meaning) => new(
        AlarmKind.DeadLetters,
        subject,
        names.Alarm($"{subject}-dead-letters"),
        $"Dead-letter queue {queueName} holds messages: {meaning}.",
        "AWS/SQS",
        "ApproximateNumberOfMessagesVisible",
        new Dictionary<string, string> { ["QueueName"] = queueName },
        "Maximum",
        PeriodSeconds: 300,
        EvaluationPeriods: 1,
        Threshold: 0);

    private static AlarmDefinition FunctionErrors(ResourceNames names, FunctionPlan function) => new(
        AlarmKind.FunctionErrors,
        function.Definition.Name,
        names.Alarm($"{function.Definition.Name}-errors"),
        $"Function {function.Name} failed invocations; its log group {function.LogGroupName} has the errors.",
        "AWS/Lambda",
        "Errors",
        new Dictionary<string, string> { ["FunctionName"] = function.Name },
        "Sum",
        PeriodSeconds: 300,
        EvaluationPeriods: 1,
        Threshold: 0);

    private static AlarmDefinition FunctionThrottles(ResourceNames names, FunctionPlan function) => new(
        AlarmKind.FunctionThrottles,
        function.Definition.Name,
        names.Alarm($"{function.Definition.Name}-throttles"),
        $"Lambda throttled function {function.Name}: the account's concurrency is exhausted.",
        "AWS/Lambda",
        "Throttles",
        new Dictionary<string, string> { ["FunctionName"] = function.Name },
        "Sum",
        PeriodSeconds: 300,
        EvaluationPeriods: 1,
        Threshold: 0);

    // The metric the sweeper writes in Embedded Metric Format, under the namespace and the Environment dimension every
    // function's metrics carry. Sum over one period: any second nudge in five minutes pages.
    private static AlarmDefinition StuckOrders(ResourceNames names, StackSettings settings) => new(
        AlarmKind.StuckOrders,
        SystemTopology.SweepStuckOrders.Name,
        names.Alarm("stuck-orders"),
        "The sweeper nudged an order a second time in the same status: its stage did not move it after a nudge either. Look the order up in the sweeper's log (WARN lines name it), then at the stage's dead letters and errors.",
        OperationalMetrics.Namespace,
        OperationalMetrics.StuckOrdersNudgedAgain,
        new Dictionary<string, string> { [OperationalMetrics.EnvironmentDimension] = settings.Environment },
        "Sum",
        PeriodSeconds: 300,
        EvaluationPeriods: 1,
        Threshold: 0);

    private static AlarmDefinition ServerErrors(ResourceNames names, string apiName, string stage) => new(
        AlarmKind.ApiServerErrors,
        "api",
        names.Alarm("api-5xx"),
        $"API {apiName} answered requests with 5xx; bad input never should, so look at the api function's errors.",
        "AWS/ApiGateway",
        "5XXError",
        new Dictionary<string, string> { ["ApiName"] = apiName, ["Stage"] = stage },
        "Sum",
        PeriodSeconds: 300,
        EvaluationPeriods: 1,
        Threshold: 0);
}
