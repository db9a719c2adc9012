using System.Text.Json;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Tests.Support;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Functions.Tests.Observability;

public sealed class TelemetryFormatTests
{
    [Test]
    public void LogLine_IsOneJsonObject_WithLevelMessageTimestampRequestOrderAndFunction()
    {
        var output = new StringWriter();
        var telemetry = new Telemetry("ship-order", "prod", output, TestClock.New());

        telemetry.Log(LogLevel.Warn, "retrying", requestId: "req-1", orderId: "ord_1", fields: new Dictionary<string, object?> { ["attempt"] = 2, ["final"] = false, ["note"] = null });

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1));
        var line = JsonDocument.Parse(lines[0]).RootElement;
        Assert.That(line.GetProperty("level").GetString(), Is.EqualTo("WARN"));
        Assert.That(line.GetProperty("message").GetString(), Is.EqualTo("retrying"));
        Assert.That(line.GetProperty("timestamp").GetString(), Is.EqualTo("2025-03-14T09:26:53.000Z"));
        Assert.That(line.GetProperty("requestId").GetString(), Is.EqualTo("req-1"));
        Assert.That(line.GetProperty("orderId").GetString(), Is.EqualTo("ord_1"));
        Assert.That(line.GetProperty("functionName").GetString(), Is.EqualTo("ship-order"));
        Assert.That(line.GetProperty("attempt").GetInt32(), Is.EqualTo(2));
        Assert.That(line.GetProperty("final").GetBoolean(), Is.False);
        Assert.That(line.GetProperty("note").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Metrics_AreAnEmbeddedMetricFormatDocument()
    {
        var output = new StringWriter();
        var clock = TestClock.New();
        var telemetry = new Telemetry("reserve-inventory", "prod", output, clock);

        telemetry.Metrics(new Dictionary<string, string> { ["Stage"] = "reserve-inventory" }, [Metric.Count("Moved", 3), new Metric("StageDuration", MetricUnit.Milliseconds, [1.5, 2.25])]);

        var doc = JsonDocument.Parse(output.ToString()).RootElement;
        var aws = doc.GetProperty("_aws");
        Assert.That(aws.GetProperty("Timestamp").GetInt64(), Is.EqualTo(clock.GetUtcNow().ToUnixTimeMilliseconds()));
        var directive = aws.GetProperty("CloudWatchMetrics")[0];
        Assert.That(directive.GetProperty("Namespace").GetString(), Is.EqualTo("OrderProcessing"));
        Assert.That(directive.GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "Environment", "Stage" }));
        Assert.That(directive.GetProperty("Metrics").EnumerateArray().Select(m => (m.GetProperty("Name").GetString(), m.GetProperty("Unit").GetString())), Is.EqualTo(new[] { ("Moved", "Count"), ("StageDuration", "Milliseconds") }));
        Assert.That(doc.GetProperty("Environment").GetString(), Is.EqualTo("prod"));
        Assert.That(doc.GetProperty("Stage").GetString(), Is.EqualTo("reserve-inventory"));
        Assert.That(doc.GetProperty("Moved").GetDouble(), Is.EqualTo(3));
        Assert.That(doc.GetProperty("StageDuration").EnumerateArray().Select(v => v.GetDouble()), Is.EqualTo(new[] { 1.5, 2.25 }));
    }

    [Test]
    public void LinesOnAUtf8Stream_AreByteForByteThoseATextWriterGets()
    {
        // Standard output in Lambda is a UTF-8 stream writer, which telemetry writes bytes to directly; every other writer
        // gets strings. Both must see the same lines, one per call, non-ASCII text intact.
        var text = new StringWriter();
        var bytes = new MemoryStream();
        var stream = new StreamWriter(bytes, new System.Text.UTF8Encoding(false)) { AutoFlush = true };
        foreach (var telemetry in new[] { new Telemetry("api", "prod", text, TestClock.New()), new Telemetry("api", "prod", stream, TestClock.New()) })
        {
            telemetry.Log(LogLevel.Info, "Zoë ordered a crème brûlée torch", requestId: "req-1", orderId: "ord_1", fields: new Dictionary<string, object?> { ["total"] = 39.00m });
            telemetry.Metrics(new Dictionary<string, string> { ["Route"] = "POST /orders" }, [Metric.Milliseconds("ApiLatency", 1.25)]);
            telemetry.Log(LogLevel.Error, "failed", exception: new InvalidOperationException("boom"));
        }

        var fromStream = System.Text.Encoding.UTF8.GetString(bytes.ToArray());
        Assert.That(fromStream, Is.EqualTo(text.ToString()));
        Assert.That(fromStream.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3));
    }
}
