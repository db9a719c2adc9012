using System.Text;
using System.Text.Json;
using OrderProcessing.Local.Gateway;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Tests.Gateway;

/// <summary>The API function's proxy result becomes the HTTP response, as API Gateway reads it.</summary>
public sealed class ApiGatewayResponseDecoderTests
{
    [Test]
    public void Decode_StatusHeadersAndTextBody_AreRead()
    {
        var response = Decode(new ApiGatewayProxyResponse
        {
            StatusCode = 201,
            Headers = new Dictionary<string, string> { ["Location"] = "/orders/o-1", ["Content-Type"] = "application/json" },
            Body = "{\"name\":\"Piñata\"}",
        });

        Assert.That(response.StatusCode, Is.EqualTo(201));
        Assert.That(response.Headers["location"], Is.EqualTo(new[] { "/orders/o-1" }));
        Assert.That(Encoding.UTF8.GetString(response.Body), Is.EqualTo("{\"name\":\"Piñata\"}"));
    }

    [Test]
    public void Decode_MultiValueHeaders_ReplaceTheSingleValueOfTheSameName()
    {
        var response = Decode(new ApiGatewayProxyResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string> { ["Set-Cookie"] = "a=1", ["X-One"] = "1" },
            MultiValueHeaders = new Dictionary<string, IReadOnlyList<string>> { ["set-cookie"] = ["a=1", "b=2"] },
        });

        Assert.That(response.Headers["Set-Cookie"], Is.EqualTo(new[] { "a=1", "b=2" }));
        Assert.That(response.Headers["X-One"], Is.EqualTo(new[] { "1" }));
        Assert.That(response.Body, Is.Empty);
    }

    [Test]
    public void Decode_Base64Body_IsDecodedToItsBytes()
    {
        var pdf = "%PDF-1.7\n"u8.ToArray();

        var response = Decode(new ApiGatewayProxyResponse
        {
            StatusCode = 200,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/pdf" },
            Body = Convert.ToBase64String(pdf),
            IsBase64Encoded = true,
        });

        Assert.That(response.Body, Is.EqualTo(pdf));
    }

    // Malformed results are raw text on purpose: no record can hold them.
    [TestCase("oops")]
    [TestCase("[]")]
    [TestCase("{\"body\":\"x\"}")]
    [TestCase("{\"statusCode\":\"200\"}")]
    [TestCase("{\"statusCode\":42}")]
    [TestCase("{\"statusCode\":200,\"body\":{}}")]
    [TestCase("{\"statusCode\":200,\"body\":\"***\",\"isBase64Encoded\":true}")]
    [TestCase("{\"statusCode\":200,\"multiValueHeaders\":{\"A\":\"b\"}}")]
    public void Decode_MalformedResult_IsRejected(string output)
    {
        Assert.That(() => Decode(output), Throws.InstanceOf<FormatException>());
    }

    private static ApiGatewayResponse Decode(string output) => ApiGatewayResponseDecoder.Decode(Encoding.UTF8.GetBytes(output));

    private static ApiGatewayResponse Decode(ApiGatewayProxyResponse output) =>
        ApiGatewayResponseDecoder.Decode(JsonSerializer.SerializeToUtf8Bytes(output, AwsEventJsonContext.Default.ApiGatewayProxyResponse));
}
