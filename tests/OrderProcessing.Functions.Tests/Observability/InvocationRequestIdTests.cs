using System.Text.Json;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Functions.Tests.Observability;

/// <summary>Every line written during a Lambda invocation names the invocation's request id, and no line outside one does.</summary>
public sealed class InvocationRequestIdTests
{
    [Test]
    public async Task LogAndMetricLines_InsideAnInvocation_CarryItsAwsRequestId()
    {
        var output = new StringWriter();
        var telemetry = new Telemetry("api", "prod", output, TestClock.New());

        using (Telemetry.BeginInvocation("8476a536-e9f4-11e8-9739-2dfe598c3fcd"))
        {
            await Task.Yield();
            telemetry.Log(LogLevel.Info, "handled", requestId: "api-gateway-request");
            telemetry.Metrics(new Dictionary<string, string>(), [Metric.Count("Requests", 1)]);
        }

        var lines = Lines(output);
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines.Select(l => l.GetProperty("awsRequestId").GetString()), Is.All.EqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd"));
        Assert.That(lines[0].GetProperty("requestId").GetString(), Is.EqualTo("api-gateway-request"), "the API Gateway request id stays its own field");
    }

    [Test]
    public void LogLine_AfterTheInvocationEnds_HasNoAwsRequestId()
    {
        var output = new StringWriter();
        var telemetry = new Telemetry("api", "prod", output, TestClock.New());

        Telemetry.BeginInvocation("r-1").Dispose();
        telemetry.Log(LogLevel.Info, "idle");

        Assert.That(Lines(output)[0].TryGetProperty("awsRequestId", out _), Is.False);
    }

    [Test]
    public async Task ConcurrentInvocations_EachLineNamesItsOwn()
    {
        var output = new StringWriter();
        var telemetry = new Telemetry("api", "prod", output, TestClock.New());

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            using var scope = Telemetry.BeginInvocation($"r-{i}");
            await Task.Yield();
            telemetry.Log(LogLevel.Info, $"m-{i}");
        })));

        Assert.That(Lines(output).Select(l => (l.GetProperty("message").GetString()![2..], l.GetProperty("awsRequestId").GetString()![2..])), Has.All.Matches<(string Message, string Request)>(p => p.Message == p.Request));
    }

    private static List<JsonElement> Lines(StringWriter output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
}
