using System.Text;
using OrderProcessing.Functions.Runtime;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Functions.Tests.Runtime;

/// <summary>The next-invocation headers are read as AWS's Runtime API specification defines them.</summary>
public sealed class LambdaInvocationTests
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        [RuntimeApiHeaders.RequestId] = "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
        [RuntimeApiHeaders.DeadlineMs] = "1542409706888",
        [RuntimeApiHeaders.InvokedFunctionArn] = "arn:aws:lambda:us-east-2:123456789012:function:custom-runtime",
        [RuntimeApiHeaders.TraceId] = "Root=1-5bef4de7-ad49b0e87f6ef6c87fc2e700;Parent=9a9197af755a6419;Sampled=1",
    };

    [Test]
    public void Parse_TheSpecificationsExampleHeaders_ReadsEveryOne()
    {
        var invocation = LambdaInvocation.Parse(Headers.GetValueOrDefault, "{}"u8.ToArray());

        Assert.That(invocation.RequestId, Is.EqualTo("8476a536-e9f4-11e8-9739-2dfe598c3fcd"));
        Assert.That(invocation.Deadline, Is.EqualTo(DateTimeOffset.FromUnixTimeMilliseconds(1542409706888)));
        Assert.That(invocation.InvokedFunctionArn, Is.EqualTo("arn:aws:lambda:us-east-2:123456789012:function:custom-runtime"));
        Assert.That(invocation.TraceId, Does.StartWith("Root=1-5bef4de7"));
        Assert.That(Encoding.UTF8.GetString(invocation.Event.Span), Is.EqualTo("{}"));
    }

    [Test]
    public void Parse_NoTraceOrArn_LeavesThemNull()
    {
        var headers = new Dictionary<string, string>(Headers);
        headers.Remove(RuntimeApiHeaders.TraceId);
        headers.Remove(RuntimeApiHeaders.InvokedFunctionArn);

        var invocation = LambdaInvocation.Parse(headers.GetValueOrDefault, ReadOnlyMemory<byte>.Empty);

        Assert.That(invocation.TraceId, Is.Null);
        Assert.That(invocation.InvokedFunctionArn, Is.Null);
    }

    [TestCase(RuntimeApiHeaders.RequestId, null)]
    [TestCase(RuntimeApiHeaders.DeadlineMs, null)]
    [TestCase(RuntimeApiHeaders.DeadlineMs, "soon")]
    [TestCase(RuntimeApiHeaders.DeadlineMs, "-5")]
    [TestCase(RuntimeApiHeaders.DeadlineMs, "99999999999999999999")]
    public void Parse_MissingOrMalformedRequiredHeader_IsRefusedNamingIt(string header, string? value)
    {
        var headers = new Dictionary<string, string?>(Headers.ToDictionary(h => h.Key, h => (string?)h.Value)) { [header] = value };

        Assert.That(() => LambdaInvocation.Parse(headers.GetValueOrDefault, ReadOnlyMemory<byte>.Empty), Throws.TypeOf<RuntimeApiException>().With.Message.Contains(header));
    }

    [Test]
    public void RemainingTime_BeforeTheDeadline_IsTheTimeLeft()
    {
        var clock = TestClock.New();
        var invocation = new LambdaInvocation("r", clock.GetUtcNow().AddMilliseconds(2500), null, null, ReadOnlyMemory<byte>.Empty);

        Assert.That(invocation.RemainingTime(clock), Is.EqualTo(TimeSpan.FromMilliseconds(2500)));
    }

    [Test]
    public void RemainingTime_PastTheDeadline_IsZero()
    {
        var clock = TestClock.New();
        var invocation = new LambdaInvocation("r", clock.GetUtcNow().AddSeconds(-1), null, null, ReadOnlyMemory<byte>.Empty);

        Assert.That(invocation.RemainingTime(clock), Is.EqualTo(TimeSpan.Zero));
    }
}
