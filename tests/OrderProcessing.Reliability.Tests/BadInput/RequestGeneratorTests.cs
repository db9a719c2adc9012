using System.Text.Json;
using OrderProcessing.Reliability.BadInput;
using OrderProcessing.Topology.Events;

namespace OrderProcessing.Reliability.Tests.BadInput;

/// <summary>The bad-input generators produce what the run claims: many, varied, repeatable, and well-formed proxy events.</summary>
public sealed class RequestGeneratorTests
{
    private static readonly IReadOnlyList<HttpCase> Cases = RequestGenerators.Sample(10_000, 42);

    [Test]
    public void TenThousandCases_AreGenerated_FromEveryFamily()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cases, Has.Count.EqualTo(10_000));
            Assert.That(Cases.Select(c => c.Family).Distinct(), Is.EquivalentTo(new[]
            {
                "order field", "order fields", "order text", "headers", "list query", "customer list", "order id", "product", "status patch", "method", "binary", "oversize",
            }));
        });
    }

    [Test]
    public void TheSameSeed_GivesTheSameCases() =>
        Assert.That(RequestGenerators.Sample(200, 42).Select(c => c.Description), Is.EqualTo(Cases.Take(200).Select(c => c.Description)));

    [Test]
    public void AnotherSeed_GivesOtherCases() =>
        Assert.That(RequestGenerators.Sample(200, 43).Select(c => c.Description), Is.Not.EqualTo(Cases.Take(200).Select(c => c.Description)));

    [TestCase("\\ud800", Description = "lone surrogate")]
    [TestCase("\\u0000", Description = "NUL")]
    [TestCase("\u202e", Description = "right-to-left override")]
    [TestCase("\u200b", Description = "zero-width space")]
    [TestCase("😀", Description = "emoji")]
    [TestCase("1e309", Description = "a number no double holds")]
    [TestCase("-1", Description = "negative")]
    [TestCase("1.5", Description = "fractional")]
    public void GeneratedBodies_Include(string fragment) =>
        Assert.That(Cases.Count(c => c.Body?.Contains(fragment, StringComparison.Ordinal) == true), Is.GreaterThan(5));

    [Test]
    public void GeneratedBodies_IncludeDuplicateKeysDeepNestingTruncationAndOversize()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Cases.Count(c => c.Description.StartsWith("duplicate", StringComparison.Ordinal)), Is.GreaterThan(5), "duplicate keys");
            Assert.That(Cases.Count(c => c.Description.StartsWith("nested", StringComparison.Ordinal)), Is.GreaterThan(5), "deep nesting");
            Assert.That(Cases.Count(c => c.Description.StartsWith("truncated", StringComparison.Ordinal)), Is.GreaterThan(5), "truncation");
            Assert.That(Cases.Count(c => c.Body?.Length > 65_536), Is.GreaterThan(5), "bodies over 64 KiB");
            Assert.That(Cases.Count(c => c.BodyIsBase64), Is.GreaterThan(5), "bodies that are not UTF-8");
        });
    }

    [Test]
    public void EveryCase_BecomesAProxyEventThatIsValidJson()
    {
        foreach (var c in Cases.Concat(Corpus.Cases))
        {
            var proxyEvent = JsonSerializer.Deserialize(ProxyEvent.For(c, "r-1"), AwsEventJsonContext.Default.ApiGatewayProxyRequest)!;
            Assert.That(proxyEvent.HttpMethod, Is.EqualTo(c.Method.Any(char.IsSurrogate) ? proxyEvent.HttpMethod : c.Method));
        }
    }

    [Test]
    public void ALoneSurrogateInAPath_ArrivesAsTheReplacementCharacter_AsApiGatewayWouldDeliverIt()
    {
        var json = ProxyEvent.For(new HttpCase("t", "t", "GET", "/orders/a\ud800", "/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = "a\ud800" }, null, new Dictionary<string, string>(), null), "r-1");

        var proxyEvent = JsonSerializer.Deserialize(json, AwsEventJsonContext.Default.ApiGatewayProxyRequest)!;
        Assert.That(proxyEvent.PathParameters!["orderId"], Is.EqualTo("a\ufffd"));
    }

    [Test]
    public void TheCorpus_CoversEveryCategoryTheContractNames()
    {
        var descriptions = string.Join("\n", Corpus.Cases.Select(c => c.Description));
        Assert.That(descriptions, Does.Contain("truncated").And.Contain("1e309").And.Contain("-1").And.Contain("0.5").And.Contain("nested")
            .And.Contain("surrogate").And.Contain("right-to-left").And.Contain("zero-width").And.Contain("emoji").And.Contain("NUL")
            .And.Contain("duplicate key").And.Contain("as a string").And.Contain("201 characters").And.Contain("text/plain")
            .And.Contain("1 MiB").And.Contain("cursor").And.Contain("limit").And.Contain("status").And.Contain("Idempotency-Key"));
    }
}
