using System.Text;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Tests.Contracts;

/// <summary>
/// The proxy response's body carried as text or as UTF-8: both forms are the same body to a reader and write the same
/// response document, escaping included, so a producer may hand over its UTF-8 without changing a byte API Gateway sees.
/// </summary>
public sealed class ProxyBodyTests
{
    // Quotes, backslashes, markup, non-ASCII, an astral character and a control character: everything the writer escapes.
    private const string Text = "{\"name\":\"Café Zoë 東京 Ωmega \\\\ <script>&'\",\"emoji\":\"🙂\",\"tab\":\"\t\"}";

    [Test]
    public void Utf8Body_WritesTheSameDocumentAsTheText()
    {
        var fromText = Write(ProxyBody.FromString(Text));
        var fromUtf8 = Write(ProxyBody.FromUtf8(Encoding.UTF8.GetBytes(Text)));

        Assert.That(fromUtf8, Is.EqualTo(fromText));
    }

    [Test]
    public void Utf8Body_ReadsBackAsItsText()
    {
        var read = JsonSerializer.Deserialize(Write(ProxyBody.FromUtf8(Encoding.UTF8.GetBytes(Text))), AwsEventJsonContext.Default.ApiGatewayProxyResponse)!;

        Assert.That(read.Body.ToString(), Is.EqualTo(Text));
    }

    [Test]
    public void TextAndUtf8OfOneBody_AreEqual()
    {
        var text = ProxyBody.FromString(Text);
        var utf8 = ProxyBody.FromUtf8(Encoding.UTF8.GetBytes(Text));
        var response = new ApiGatewayProxyResponse { Body = Text };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(utf8, Is.EqualTo(text));
            Assert.That(utf8.GetHashCode(), Is.EqualTo(text.GetHashCode()));
            Assert.That(utf8.ToString(), Is.EqualTo(Text));
            Assert.That(utf8 == ProxyBody.FromString("{}"), Is.False);
            Assert.That(response with { Body = utf8 }, Is.EqualTo(response));
        }
    }

    [Test]
    public void DefaultAndNullBody_AreEmpty()
    {
        var read = JsonSerializer.Deserialize("{\"statusCode\":204,\"body\":null}", AwsEventJsonContext.Default.ApiGatewayProxyResponse)!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(new ApiGatewayProxyResponse().Body.IsEmpty, Is.True);
            Assert.That(new ApiGatewayProxyResponse().Body.ToString(), Is.Empty);
            Assert.That(read.Body, Is.EqualTo(ProxyBody.Empty));
            Assert.That(ProxyBody.FromUtf8(ReadOnlyMemory<byte>.Empty), Is.EqualTo(ProxyBody.FromString("")));
        }
    }

    [Test]
    public void NonStringBody_IsNotAProxyResponse()
    {
        Assert.That(
            () => JsonSerializer.Deserialize("{\"statusCode\":200,\"body\":{\"a\":1}}", AwsEventJsonContext.Default.ApiGatewayProxyResponse),
            Throws.InstanceOf<JsonException>());
    }

    private static string Write(ProxyBody body) =>
        JsonSerializer.Serialize(new ApiGatewayProxyResponse { StatusCode = 200, Body = body }, AwsEventJsonContext.Default.ApiGatewayProxyResponse);
}
