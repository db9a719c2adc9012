using System.Globalization;

namespace OrderProcessing.Benchmarks.Cost;

/// <summary>
/// Dollars per million orders from a <see cref="CostSample"/> and <see cref="Prices"/>. Quantities the sample counts
/// (invocations, DynamoDB and S3 calls and capacity, log bytes) come from it; those it cannot observe follow from the
/// deployed wiring: one API Gateway request per order, one pipe request and one SQS message per stage delivery, one
/// event per order write through the events pipe to SNS, SQS receive and delete per message (batches of one, the
/// conservative case; full batches of ten cut them tenfold).
/// </summary>
public static class CostModel
{
    /// <summary>Every billed line for one order's trip through the system.</summary>
    public static IReadOnlyList<CostLine> Lines(CostSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var functions = sample.Functions;
        var stageMessages = functions.Where(f => f.Function != "api").Sum(f => f.InvocationsPerOrder);
        var apiRequests = functions.Where(f => f.Function == "api").Sum(f => f.InvocationsPerOrder);
        var invocations = functions.Sum(f => f.InvocationsPerOrder);
        var gbSeconds = functions.Sum(f => f.InvocationsPerOrder * f.MeanBilledMs / 1000.0 * f.MemoryMb / 1024.0);
        var requests = functions.SelectMany(f => f.Requests).ToList();
        var writeUnits = requests.Sum(r => r.WriteUnitsPerOrder);
        var indexWriteUnits = requests.Sum(r => r.IndexWriteUnitsPerOrder);
        var readUnits = requests.Sum(r => r.ReadUnitsPerOrder);
        var s3Puts = requests.Where(r => r.Operation == "S3:PutObject").Sum(r => r.CallsPerOrder);
        var events = apiRequests + stageMessages; // every order write (creation and each stage's move) emits one event
        var logGb = functions.Sum(f => f.LogBytesPerOrder) / (1024.0 * 1024 * 1024);
        var sqsRequests = stageMessages * 3;
        return
        [
            Line("API Gateway REST requests", apiRequests, "requests", Prices.ApiGatewayRestPerMillion, "per million requests", "counted: POST /orders (each status poll adds one)"),
            Line("Lambda requests", invocations, "invocations", Prices.LambdaRequestsPerMillion, "per million requests", "counted: API + one per stage message"),
            Line("Lambda duration", gbSeconds, "GB-s", Prices.LambdaPerGbSecond * 1_000_000m, "per million GB-s ($0.0000166667 per GB-s)", "measured: billed ms per invocation x topology MemoryMb"),
            Line("DynamoDB writes (tables)", writeUnits, "WRU", Prices.DynamoDbWritePerMillion, "per million WRU", "counted: consumed capacity reported per write"),
            Line("DynamoDB writes (indexes)", indexWriteUnits, "WRU", Prices.DynamoDbWritePerMillion, "per million WRU", "estimated from the schema: index entries each write puts, updates or moves"),
            Line("DynamoDB reads", readUnits, "RRU", Prices.DynamoDbReadPerMillion, "per million RRU", "counted: consumed capacity reported per read"),
            Line("EventBridge Pipes requests", stageMessages + events, "requests", Prices.PipesPerMillion, "per million requests", "one per stage delivery + one per order event"),
            Line("SQS requests", sqsRequests, "requests", Prices.SqsPerMillion, "per million requests", "per stage message: send + receive + delete (batches of one)"),
            Line("SNS publishes", events, "publishes", Prices.SnsPublishPerMillion, "per million publishes", "one per order event (deliveries to SQS subscribers free)"),
            Line("S3 PUT", s3Puts, "requests", Prices.S3PutPerMillion, "per million ($0.005 per 1,000)", "counted: invoice upload"),
            Line("S3 GET", 1, "requests", Prices.S3GetPerMillion, "per million ($0.0004 per 1,000)", "assumed: each invoice downloaded once"),
            Line("CloudWatch Logs ingestion", logGb, "GB", Prices.LogsIngestPerGb, "per GB", "measured: log lines and EMF documents written"),
            Line("X-Ray traces", invocations * Prices.XRaySampledShare, "traces", Prices.XRayTracesPerMillion, "per million traces", "assumed: default sampling (5 %) of each invocation"),
        ];
    }

    /// <summary>The sum of <paramref name="lines"/> in dollars per million orders.</summary>
    public static double Total(IEnumerable<CostLine> lines) => lines.Sum(l => l.DollarsPerMillionOrders);

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
