using System.Globalization;
using OrderProcessing.Topology;

namespace OrderProcessing.Benchmarks.Cost;

/// <summary>
/// Dollars per million orders from a <see cref="CostSample"/> and <see cref="Prices"/>. Quantities the sample counts
/// (invocations, order events, DynamoDB and S3 calls and capacity, e-mails and their attachment bytes, log bytes) come
/// from it; those it cannot observe follow from the deployed wiring: one API Gateway request per order; one stream pipe
/// forwarding each order event to the <c>order-events</c> topic (one pipe request and one SNS publish per event); SNS
/// delivering each event to every queue whose subscription filter takes its status (free on the SNS side), where it is
/// one SQS message: send, receive and delete (batches of one, the conservative case; full batches of ten cut receives
/// and deletes tenfold). Every queue message is one invocation of its function. The customer e-mail function
/// (<see cref="SystemTopology.Subscribers"/>) gets lines of its own for Lambda and SQS, so its share is visible.
/// </summary>
public static class CostModel
{
    /// <summary>Every billed line for one order's trip through the system.</summary>
    public static IReadOnlyList<CostLine> Lines(CostSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var functions = sample.Functions;
        var subscribers = functions.Where(IsSubscriber).ToList();
        var pipeline = functions.Where(f => !IsSubscriber(f)).ToList();
        var apiRequests = functions.Where(f => f.Function == SystemTopology.Api.Name).Sum(f => f.InvocationsPerOrder);
        var requests = functions.SelectMany(f => f.Requests).ToList();
        var writeUnits = requests.Sum(r => r.WriteUnitsPerOrder);
        var indexWriteUnits = requests.Sum(r => r.IndexWriteUnitsPerOrder);
        var readUnits = requests.Sum(r => r.ReadUnitsPerOrder);
        var s3Puts = requests.Where(r => r.Operation == "S3:PutObject").Sum(r => r.CallsPerOrder);
        var s3Gets = requests.Where(r => r.Operation == "S3:GetObject").Sum(r => r.CallsPerOrder);
        var events = sample.OrderEventsPerOrder;
        var logGb = functions.Sum(f => f.LogBytesPerOrder) / BytesPerGb;
        var mail = sample.Mail ?? new MailUsage(0, 0, 0);
        return
        [
            Line("API Gateway REST requests", apiRequests, "requests", Prices.ApiGatewayRestPerMillion, "per million requests", "counted: POST /orders (each status poll adds one)"),
            Line("Lambda requests", Invocations(pipeline), "invocations", Prices.LambdaRequestsPerMillion, "per million requests", "counted: API + one per stage message"),
            Line("Lambda duration", GbSeconds(pipeline), "GB-s", Prices.LambdaPerGbSecond * 1_000_000m, "per million GB-s ($0.0000166667 per GB-s)", "measured: billed ms per invocation x topology MemoryMb"),
            Line("Lambda requests (customer e-mail)", Invocations(subscribers), "invocations", Prices.LambdaRequestsPerMillion, "per million requests", "counted: one per notify-customer message"),
            Line("Lambda duration (customer e-mail)", GbSeconds(subscribers), "GB-s", Prices.LambdaPerGbSecond * 1_000_000m, "per million GB-s ($0.0000166667 per GB-s)", "measured: billed ms per invocation x topology MemoryMb"),
            Line("DynamoDB writes (tables)", writeUnits, "WRU", Prices.DynamoDbWritePerMillion, "per million WRU", "counted: consumed capacity reported per write (with the e-mail ledger's claims and marks)"),
            Line("DynamoDB writes (indexes)", indexWriteUnits, "WRU", Prices.DynamoDbWritePerMillion, "per million WRU", "estimated from the schema: index entries each write puts, updates or moves"),
            Line("DynamoDB reads", readUnits, "RRU", Prices.DynamoDbReadPerMillion, "per million RRU", "counted: consumed capacity reported per read"),
            Line("EventBridge Pipes requests", events, "requests", Prices.PipesPerMillion, "per million requests", "counted: one per order event the stream pipe forwards"),
            Line("SNS publishes", events, "publishes", Prices.SnsPublishPerMillion, "per million publishes", "counted: one per order event (deliveries to SQS subscribers free)"),
            Line("SQS requests", SqsRequests(pipeline), "requests", Prices.SqsPerMillion, "per million requests", "per stage message: send + receive + delete (batches of one)"),
            Line("SQS requests (customer e-mail)", SqsRequests(subscribers), "requests", Prices.SqsPerMillion, "per million requests", "per notify-customer message: send + receive + delete (batches of one)"),
            Line("SES outbound e-mail", mail.EmailsPerOrder, "e-mails", Prices.SesOutboundPerMillion, "per million e-mails ($0.10 per 1,000)", "counted: e-mails the SES endpoint accepted"),
            Line("SES attachment data", mail.AttachmentBytesPerOrder / BytesPerGb, "GB", Prices.SesAttachmentsPerGb, "per GB", "measured: attachment bytes as sent (base64 in the raw message)"),
            Line("S3 PUT", s3Puts, "requests", Prices.S3PutPerMillion, "per million ($0.005 per 1,000)", "counted: invoice upload"),
            Line("S3 GET", s3Gets + 1, "requests", Prices.S3GetPerMillion, "per million ($0.0004 per 1,000)", "counted: the invoice read to attach it; assumed: one customer download"),
            Line("CloudWatch Logs ingestion", logGb, "GB", Prices.LogsIngestPerGb, "per GB", "measured: log lines and EMF documents written"),
            Line("X-Ray traces", Invocations(functions) * Prices.XRaySampledShare, "traces", Prices.XRayTracesPerMillion, "per million traces", "assumed: default sampling (5 %) of each invocation"),
        ];
    }

    /// <summary>Queue messages per order: every invocation but the API's is one message SNS delivered to a queue.</summary>
    public static double QueueMessages(CostSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.Functions.Where(f => f.Function != SystemTopology.Api.Name).Sum(f => f.InvocationsPerOrder);
    }

    /// <summary>SQS requests per order if every batch were full: a send per message, one receive and one delete per ten.</summary>
    public static double BatchedSqsRequests(CostSample sample) => QueueMessages(sample) * 1.2;

    /// <summary>The sum of <paramref name="lines"/> in dollars per million orders.</summary>
    public static double Total(IEnumerable<CostLine> lines) => lines.Sum(l => l.DollarsPerMillionOrders);

    // AWS's "GB" in data prices is 2^30 bytes.
    private const double BytesPerGb = 1024.0 * 1024 * 1024;

    private static bool IsSubscriber(FunctionUsage f) => SystemTopology.Subscribers.Any(s => s.Name == f.Function);

    private static double Invocations(IEnumerable<FunctionUsage> functions) => functions.Sum(f => f.InvocationsPerOrder);

    private static double GbSeconds(IEnumerable<FunctionUsage> functions) => functions.Sum(f => f.InvocationsPerOrder * f.MeanBilledMs / 1000.0 * f.MemoryMb / 1024.0);

    // Each message a queue function consumes: SNS's send into the queue, the receive, the delete.
    private static double SqsRequests(IEnumerable<FunctionUsage> functions) =>
        functions.Where(f => f.Function != SystemTopology.Api.Name).Sum(f => f.InvocationsPerOrder) * 3;

    private static CostLine Line(string item, double perOrder, string unit, decimal pricePerMillionUnits, string priceUnit, string basis)
    {
        // Prices are per million units, except per-GB prices, which apply to whole GBs.
        var price = string.Create(CultureInfo.InvariantCulture, $"${pricePerMillionUnits.ToString("0.00####", CultureInfo.InvariantCulture)} {priceUnit}");
        var dollars = unit == "GB"
            ? perOrder * 1_000_000 * (double)pricePerMillionUnits
            : perOrder * (double)pricePerMillionUnits;
        return new CostLine(item, perOrder, unit, price, dollars, basis);
    }
}
