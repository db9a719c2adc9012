using System.Net;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Hosting;

/// <summary>Everything the local host can be told, with its default. Parsed by <see cref="LocalOptionsParser"/>.</summary>
public sealed record LocalOptions
{
    /// <summary>Default HTTP port.</summary>
    public const int DefaultPort = 5080;

    /// <summary>Address to listen on (default loopback, 127.0.0.1: nothing outside this machine can reach it).</summary>
    public IPAddress Bind { get; init; } = IPAddress.Loopback;

    /// <summary>Port to listen on (default 5080; 0 picks a free one).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Whether the host checks callers' tokens (default <see cref="AuthMode.Cognito"/>: it does, as API Gateway's authorizer does in AWS).</summary>
    public AuthMode Auth { get; init; } = AuthMode.Cognito;

    /// <summary>Storage (default in memory).</summary>
    public StorageMode Storage { get; init; } = StorageMode.Memory;

    /// <summary>How the functions run (default in process).</summary>
    public FunctionsMode Functions { get; init; } = FunctionsMode.InProcess;

    /// <summary>The folder holding the published <c>bootstrap</c> for <see cref="FunctionsMode.Process"/> (default <c>artifacts/functions</c>, from the current directory).</summary>
    public string FunctionsPath { get; init; } = Path.Combine("artifacts", "functions");

    /// <summary>DynamoDB endpoint for <see cref="StorageMode.Aws"/> (default: the region's AWS endpoint).</summary>
    public Uri? DynamoDbEndpoint { get; init; }

    /// <summary>S3 endpoint for <see cref="StorageMode.Aws"/> (default: the region's AWS endpoint).</summary>
    public Uri? S3Endpoint { get; init; }

    /// <summary>AWS region (default us-east-1).</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>Prefix of the physical table names, followed by each table's logical name (default <c>orderprocessing-local-</c>).</summary>
    public string TablePrefix { get; init; } = "orderprocessing-local-";

    /// <summary>The invoices bucket (default <c>orderprocessing-local-invoices</c>).</summary>
    public string Bucket { get; init; } = "orderprocessing-local-invoices";

    /// <summary>
    /// The browser origin the API allows cross-origin calls from (<c>*</c> for any). Default: none but the host's own,
    /// which the page needs no CORS for; set it to call the local API from a page served elsewhere.
    /// </summary>
    public string? CorsOrigin { get; init; }

    /// <summary>Create the tables and the bucket of the storage schema when missing (<see cref="StorageMode.Aws"/> only).</summary>
    public bool CreateTables { get; init; }

    /// <summary>Put the demo catalog at start (default: yes in memory or with <see cref="CreateTables"/>, else no).</summary>
    public bool? Seed { get; init; }

    /// <summary>The JSON-lines file notifications are appended to.</summary>
    public string NotificationsFile { get; init; } = Path.Combine(Path.GetTempPath(), "orderprocessing-local", "notifications.jsonl");

    /// <summary>The folder customer e-mails are written to as <c>.eml</c> files, unless <see cref="Smtp"/> is set.</summary>
    public string MailOutbox { get; init; } = Path.Combine(Path.GetTempPath(), "orderprocessing-local", "outbox");

    /// <summary>An SMTP server (<c>host:port</c>, maildev for instance) to send customer e-mails to instead of the outbox.</summary>
    public System.Net.DnsEndPoint? Smtp { get; init; }

    /// <summary>Delay before a failed stage message's second receive, doubled per receive (default 500 ms).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long each change waits in its stage queue before delivery (default 1 s), standing in for the latency between
    /// stages in AWS so an order visibly moves on the page; 0 runs the pipeline as fast as it goes.
    /// </summary>
    public TimeSpan DeliveryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest retry delay (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often the stuck-order sweeper runs, as its schedule runs it in AWS (default 5 minutes, the topology's rate);
    /// zero turns it off.
    /// </summary>
    public TimeSpan SweepInterval { get; init; } = SystemTopology.SweepStuckOrders.Trigger.Every ?? TimeSpan.Zero;

    /// <summary>Print the usage and exit.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>Whether the demo catalog is put at start.</summary>
    public bool SeedsCatalog => Seed ?? (Storage == StorageMode.Memory || CreateTables);
}
