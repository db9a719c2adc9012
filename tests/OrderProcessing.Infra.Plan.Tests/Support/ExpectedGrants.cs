using OrderProcessing.Infra.Plan.Iam;

namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>
/// Every function's IAM grants, written out by hand from the permissions table in SECURITY.md ("What each function may
/// do"): per function, per resource, the exact actions. Written here rather than read from the topology or built by
/// <see cref="FunctionPolicies"/>, so an action added to a function's grants fails a test instead of moving the expectation
/// with it. The plan tests and the Pulumi mock tests (which link this file) resolve the same rows against their ARNs.
/// </summary>
/// <remarks>
/// Resources are written symbolically: <c>table/{table}</c> and <c>table/{table}/index/{index}</c> (logical table name),
/// <c>bucket/{bucket}/{key pattern}</c> (logical bucket name), <c>own-queue</c> (the function's stage queue) and
/// <c>own-log-group:*</c> (the streams of the function's own log group).
/// </remarks>
public static class ExpectedGrants
{
    private static readonly string[] ConsumeOwnQueue = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"];
    private static readonly string[] WriteOwnLogs = ["logs:CreateLogStream", "logs:PutLogEvents"];
    private static readonly string[] ReadAndTransitionOrder = ["dynamodb:GetItem", "dynamodb:UpdateItem"];
    private static readonly string[] ChangeStock = ["dynamodb:GetItem", "dynamodb:UpdateItem"];
    private static readonly string[] RecordPayment = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"];

    /// <summary>Actions by symbolic resource, by function name.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> ByFunction { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string[]>>(StringComparer.Ordinal)
        {
            // Reads and writes orders, products and idempotency records; deleting an order writes a tombstone (no DeleteItem
            // on orders); only reads invoices.
            ["api"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders"] = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
                ["table/orders/index/byCustomer"] = ["dynamodb:Query"],
                ["table/orders/index/byStatus"] = ["dynamodb:Query"],
                ["table/orders/index/byTime"] = ["dynamodb:Query"],
                ["table/products"] = ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
                ["table/products/index/listing"] = ["dynamodb:Query"],
                ["table/idempotency"] = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
                ["bucket/invoices/invoices/*"] = ["s3:GetObject"],
                ["own-log-group:*"] = WriteOwnLogs,
            },
            // Orders and products.
            ["reserve-inventory"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders"] = ReadAndTransitionOrder,
                ["table/products"] = ChangeStock,
                ["own-queue"] = ConsumeOwnQueue,
                ["own-log-group:*"] = WriteOwnLogs,
            },
            // Orders, products and payments.
            ["charge-payment"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders"] = ReadAndTransitionOrder,
                ["table/products"] = ChangeStock,
                ["table/payments"] = RecordPayment,
                ["own-queue"] = ConsumeOwnQueue,
                ["own-log-group:*"] = WriteOwnLogs,
            },
            // Orders and products.
            ["ship-order"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders"] = ReadAndTransitionOrder,
                ["table/products"] = ChangeStock,
                ["own-queue"] = ConsumeOwnQueue,
                ["own-log-group:*"] = WriteOwnLogs,
            },
            // Orders, and writing PDFs under the invoice prefix.
            ["generate-invoice"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders"] = ReadAndTransitionOrder,
                ["bucket/invoices/invoices/*"] = ["s3:PutObject"],
                ["own-queue"] = ConsumeOwnQueue,
                ["own-log-group:*"] = WriteOwnLogs,
            },
            // Reads orders, writes products and payments.
            ["compensate"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders"] = ["dynamodb:GetItem"],
                ["table/products"] = ChangeStock,
                ["table/payments"] = RecordPayment,
                ["own-queue"] = ConsumeOwnQueue,
                ["own-log-group:*"] = WriteOwnLogs,
            },
            // Reads orders and invoices, keeps its send ledger in the idempotency table, sends from the stack's identity only.
            ["notify-customer"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders"] = ["dynamodb:GetItem"],
                ["table/idempotency"] = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"],
                ["bucket/invoices/invoices/*"] = ["s3:GetObject"],
                ["ses-identity"] = ["ses:SendEmail"],
                ["ses-configuration-set"] = ["ses:SendEmail"],
                ["own-queue"] = ConsumeOwnQueue,
                ["own-log-group:*"] = WriteOwnLogs,
            },
            // Finds stuck orders through the status index only, and nudges them: no GetItem, no PutItem, no other index.
            ["sweep-stuck-orders"] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["table/orders/index/byStatus"] = ["dynamodb:Query"],
                ["table/orders"] = ["dynamodb:UpdateItem"],
                ["own-log-group:*"] = WriteOwnLogs,
            },
        };

    /// <summary>Every (action, resource ARN) pair function <paramref name="function"/> must be granted, with <paramref name="arns"/> as deployed.</summary>
    public static IReadOnlySet<(string Action, string Resource)> For(string function, ResourceArns arns)
    {
        ArgumentNullException.ThrowIfNull(arns);
        if (!ByFunction.TryGetValue(function, out var grants))
        {
            throw new AssertionException($"No grants are written out for function '{function}'.");
        }

        return grants
            .SelectMany(grant => grant.Value.Select(action => (action, Resolve(grant.Key, arns))))
            .ToHashSet();
    }

    /// <summary>The ARN the symbolic <paramref name="resource"/> stands for; fails on a shape it does not know.</summary>
    public static string Resolve(string resource, ResourceArns arns)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(arns);
        var parts = resource.Split('/', 3);
        return parts[0] switch
        {
            "table" when parts.Length >= 2 => Lookup(arns.Tables, parts[1], resource) + (parts.Length == 3 ? "/" + parts[2] : ""),
            "bucket" when parts.Length == 3 => Lookup(arns.Buckets, parts[1], resource) + "/" + parts[2],
            "own-queue" when parts.Length == 1 => arns.OwnQueue ?? throw new AssertionException($"'{resource}' is expected, but the function has no queue."),
            "ses-identity" when parts.Length == 1 => arns.MailIdentity ?? throw new AssertionException($"'{resource}' is expected, but no SES identity ARN was given."),
            "ses-configuration-set" when parts.Length == 1 => arns.MailConfigurationSet ?? throw new AssertionException($"'{resource}' is expected, but no configuration set ARN was given."),
            "own-log-group:*" when parts.Length == 1 => arns.LogGroup + ":*",
            _ => throw new AssertionException($"Unknown symbolic resource '{resource}'."),
        };
    }

    private static string Lookup(IReadOnlyDictionary<string, string> arns, string logicalName, string resource) =>
        arns.TryGetValue(logicalName, out var arn) ? arn : throw new AssertionException($"'{resource}' names '{logicalName}', which has no ARN.");
}
