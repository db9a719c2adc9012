using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Pipeline;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Topology;

/// <summary>
/// The functions of the system and how they are wired. The local host runs exactly these and the Pulumi program
/// deploys exactly these: adding a stage here adds its queue, dead-letter queue, pipe, role and alarm.
/// </summary>
public static class SystemTopology
{
    private static readonly string[] ReadOrder = ["dynamodb:GetItem"];
    private static readonly string[] TransitionOrder = ["dynamodb:GetItem", "dynamodb:UpdateItem"];
    private static readonly string[] ChangeStock = ["dynamodb:GetItem", "dynamodb:UpdateItem"];
    private static readonly string[] UsePayments = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];
    private static readonly string[] ConsumeQueue = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"];

    /// <summary>Environment variable naming the deployment stage (<c>dev</c>, <c>prod</c>), read by every function for logs and metrics.</summary>
    public const string EnvironmentSetting = "APP_ENVIRONMENT";

    /// <summary>The HTTP API function: the whole contract of the REST API.</summary>
    public static FunctionDefinition Api { get; } = new(
        Name: "api",
        Trigger: FunctionTrigger.Http,
        MemoryMb: 1024,
        TimeoutSeconds: 15,
        BatchSize: 0,
        MaxReceiveCount: 0,
        Permissions:
        [
            // No DeleteItem: deleting an order puts its tombstone, and the table's time to live removes that.
            new(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], ResourceRef.Table(StorageSchema.Orders.LogicalName)),
            new(["dynamodb:Query"], ResourceRef.TableIndexes(StorageSchema.Orders.LogicalName)),
            new(["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"], ResourceRef.Table(StorageSchema.Products.LogicalName)),
            new(["dynamodb:Query"], ResourceRef.TableIndexes(StorageSchema.Products.LogicalName)),
            new(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"], ResourceRef.Table(StorageSchema.Idempotency.LogicalName)),
            new(["s3:GetObject"], ResourceRef.BucketObjects(StorageSchema.Invoices.LogicalName)),
        ],
        Settings:
        [
            EnvironmentSetting, StorageSchema.Orders.EnvironmentVariable, StorageSchema.Products.EnvironmentVariable, StorageSchema.Idempotency.EnvironmentVariable,
            StorageSchema.Invoices.EnvironmentVariable, SettingNames.CorsAllowOrigin, SettingNames.InvoiceLinkSeconds, SettingNames.ApiAuth,
        ])
    {
        OptionalSettings = [SettingNames.DynamoDbEndpoint, SettingNames.S3Endpoint],
    };

    /// <summary>
    /// Every route of the HTTP API (design section 3), each a named member (<c>SystemTopology.Routes.GetOrder</c>). The
    /// API function binds one endpoint to each and answers <c>405</c> with <c>Allow</c> for other methods on a known path;
    /// the Pulumi program declares exactly these on API Gateway.
    /// </summary>
    public static ApiRouteSet Routes { get; } = new();

    /// <summary>Every route of <see cref="Routes"/>, in declaration order.</summary>
    public static IReadOnlyList<ApiRoute> ApiRoutes => Routes.All;

    /// <summary>Reserves every line's stock, or none, for a new order.</summary>
    public static FunctionDefinition ReserveInventory { get; } = Stage(
        "reserve-inventory", ReserveInventoryStage.Handles,
        [
            new(TransitionOrder, ResourceRef.Table(StorageSchema.Orders.LogicalName)),
            new(ChangeStock, ResourceRef.Table(StorageSchema.Products.LogicalName)),
        ],
        [StorageSchema.Orders.EnvironmentVariable, StorageSchema.Products.EnvironmentVariable]);

    /// <summary>Captures payment, or releases stock and fails the order.</summary>
    public static FunctionDefinition ChargePayment { get; } = Stage(
        "charge-payment", ChargePaymentStage.Handles,
        [
            new(TransitionOrder, ResourceRef.Table(StorageSchema.Orders.LogicalName)),
            new(ChangeStock, ResourceRef.Table(StorageSchema.Products.LogicalName)),
            new(UsePayments, ResourceRef.Table(StorageSchema.Payments.LogicalName)),
        ],
        [StorageSchema.Orders.EnvironmentVariable, StorageSchema.Products.EnvironmentVariable, StorageSchema.Payments.EnvironmentVariable]);

    /// <summary>Moves reserved stock to shipped and records the tracking number.</summary>
    public static FunctionDefinition ShipOrder { get; } = Stage(
        "ship-order", ShipOrderStage.Handles,
        [
            new(TransitionOrder, ResourceRef.Table(StorageSchema.Orders.LogicalName)),
            new(ChangeStock, ResourceRef.Table(StorageSchema.Products.LogicalName)),
        ],
        [StorageSchema.Orders.EnvironmentVariable, StorageSchema.Products.EnvironmentVariable]);

    /// <summary>Renders and stores the invoice PDF, then completes the order.</summary>
    public static FunctionDefinition GenerateInvoice { get; } = Stage(
        "generate-invoice", GenerateInvoiceStage.Handles,
        [
            new(TransitionOrder, ResourceRef.Table(StorageSchema.Orders.LogicalName)),
            new(["s3:PutObject"], ResourceRef.BucketObjects(StorageSchema.Invoices.LogicalName)),
        ],
        [StorageSchema.Orders.EnvironmentVariable, StorageSchema.Invoices.EnvironmentVariable],
        [SettingNames.S3Endpoint]);

    /// <summary>Releases stock and refunds a captured payment of a cancelled order.</summary>
    public static FunctionDefinition Compensate { get; } = Stage(
        "compensate", CompensateStage.Handles,
        [
            new(ReadOrder, ResourceRef.Table(StorageSchema.Orders.LogicalName)),
            new(ChangeStock, ResourceRef.Table(StorageSchema.Products.LogicalName)),
            new(UsePayments, ResourceRef.Table(StorageSchema.Payments.LogicalName)),
        ],
        [StorageSchema.Orders.EnvironmentVariable, StorageSchema.Products.EnvironmentVariable, StorageSchema.Payments.EnvironmentVariable]);

    /// <summary>
    /// E-mails the customer at every step that matters to them (<see cref="CustomerMails"/>): a subscriber of the
    /// order-events topic beside the stages, with its own queue and dead-letter queue, so a mail server that is down
    /// delays e-mail and nothing else. It reads the order, the invoice and its ledger in the idempotency table, and may
    /// send only from the stack's SES identity through its configuration set.
    /// </summary>
    public static FunctionDefinition NotifyCustomer { get; } = new(
        Name: "notify-customer",
        Trigger: FunctionTrigger.Events(CustomerMails.Statuses),
        MemoryMb: 512,
        TimeoutSeconds: 30,
        BatchSize: 10,
        MaxReceiveCount: 5,
        Permissions:
        [
            new(ReadOrder, ResourceRef.Table(StorageSchema.Orders.LogicalName)),
            new(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"], ResourceRef.Table(StorageSchema.Idempotency.LogicalName)),
            new(["s3:GetObject"], ResourceRef.BucketObjects(StorageSchema.Invoices.LogicalName)),
            new(["ses:SendEmail"], ResourceRef.MailIdentity),
            new(["ses:SendEmail"], ResourceRef.MailConfigurationSet),
            new(ConsumeQueue, ResourceRef.OwnQueue),
        ],
        Settings:
        [
            EnvironmentSetting, StorageSchema.Orders.EnvironmentVariable, StorageSchema.Idempotency.EnvironmentVariable,
            StorageSchema.Invoices.EnvironmentVariable, SettingNames.MailSender,
        ])
    {
        OptionalSettings = [SettingNames.MailConfigurationSet, SettingNames.MailLinkBaseUrl, SettingNames.DynamoDbEndpoint, SettingNames.S3Endpoint, SettingNames.SesEndpoint],
        MaximumConcurrency = 2,
    };

    /// <summary>
    /// Finds orders that sit in a status longer than its stage's deadline (<see cref="StuckOrderDeadlines"/>) through the
    /// orders table's <c>byStatus</c> index and nudges each (re-emits its status to its stage), at most
    /// <see cref="SweepLimit"/> a run, every few minutes. It may query that one index and update orders, nothing else.
    /// </summary>
    public static FunctionDefinition SweepStuckOrders { get; } = new(
        Name: "sweep-stuck-orders",
        Trigger: FunctionTrigger.Schedule(TimeSpan.FromMinutes(5)),
        MemoryMb: 256,
        TimeoutSeconds: 60,
        BatchSize: 0,
        MaxReceiveCount: 0,
        Permissions:
        [
            new(["dynamodb:Query"], ResourceRef.TableIndex(StorageSchema.Orders.LogicalName, "byStatus")),
            new(["dynamodb:UpdateItem"], ResourceRef.Table(StorageSchema.Orders.LogicalName)),
        ],
        Settings: [EnvironmentSetting, StorageSchema.Orders.EnvironmentVariable])
    {
        OptionalSettings = [SettingNames.DynamoDbEndpoint],
    };

    /// <summary>
    /// The most orders one sweep nudges: the oldest first, so a backlog (say, after a stage was down) drains over a few runs
    /// instead of one run sending every stuck order to its stage at once.
    /// </summary>
    public const int SweepLimit = 100;

    /// <summary>Every function, the API first, then the stages in pipeline order, then the event subscribers, then the scheduled jobs.</summary>
    public static IReadOnlyList<FunctionDefinition> Functions { get; } = [Api, ReserveInventory, ChargePayment, ShipOrder, GenerateInvoice, Compensate, NotifyCustomer, SweepStuckOrders];

    /// <summary>The stage functions only.</summary>
    public static IReadOnlyList<FunctionDefinition> Stages { get; } = Functions.Where(f => f.Trigger.Kind == TriggerKind.StageQueue).ToList();

    /// <summary>Every function fed by a queue of its own: the stages, then the event subscribers.</summary>
    public static IReadOnlyList<FunctionDefinition> QueueFunctions { get; } = Functions.Where(f => f.Trigger.IsQueue).ToList();

    /// <summary>The event subscribers: functions fed by order events that never move an order.</summary>
    public static IReadOnlyList<FunctionDefinition> Subscribers { get; } = Functions.Where(f => f.Trigger.Kind == TriggerKind.EventQueue).ToList();

    /// <summary>
    /// The longest a stage message can stay in flight before it is dead-lettered: receive limit times visibility
    /// timeout, over every stage. An order must not be deleted sooner after giving up its stock, because compensation
    /// still in flight needs the stored order's lines (Core's <c>OrderServiceOptions.SettlingPeriod</c> derives from this).
    /// </summary>
    public static TimeSpan LongestStageMessageLifetime { get; } = Stages.Max(s => s.MessageLifetime);

    /// <summary>
    /// The statuses the sweeper watches, each with its deadline: every non-terminal status a stage consumes, after its
    /// stage's <see cref="FunctionDefinition.MessageLifetime"/> (receive limit times visibility timeout, 15 minutes for
    /// today's stages). By then the status's message was handled, dead-lettered or lost; only the last two leave the order
    /// in place. Cancelled is terminal (compensation leaves the status as it is), so its dead letters are its alarm.
    /// </summary>
    public static IReadOnlyDictionary<OrderStatus, TimeSpan> StuckOrderDeadlines { get; } = Stages
        .Where(s => !OrderTransitions.IsTerminal(s.Trigger.Status!.Value))
        .ToDictionary(s => s.Trigger.Status!.Value, s => s.MessageLifetime);

    /// <summary>The stage consuming orders that enter <paramref name="status"/>, or null when none does (terminal statuses other than cancelled).</summary>
    public static FunctionDefinition? StageFor(OrderStatus status) => Stages.FirstOrDefault(s => s.Trigger.Status == status);

    // The trigger is the status the Core stage declares it handles, so the route and the stage's guard cannot disagree.
    private static FunctionDefinition Stage(string name, OrderStatus status, PermissionGrant[] permissions, string[] settings, string[]? optionalSettings = null) => new(
        Name: name,
        Trigger: FunctionTrigger.Queue(status),
        MemoryMb: 512,
        TimeoutSeconds: 30,
        BatchSize: 10,
        MaxReceiveCount: 5,
        Permissions: [.. permissions, new(ConsumeQueue, ResourceRef.OwnQueue)],
        Settings: [EnvironmentSetting, .. settings])
    {
        OptionalSettings = [SettingNames.DynamoDbEndpoint, .. optionalSettings ?? []],
        // Five concurrent batches per stage: a backlog drains steadily, and the five stages together (25) never take the
        // account's concurrency (1,000 by default) from the API.
        MaximumConcurrency = 5,
    };
}
