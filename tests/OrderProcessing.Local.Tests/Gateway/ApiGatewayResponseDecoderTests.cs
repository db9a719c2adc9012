using System.Text;
using OrderProcessing.Local.Gateway;

namespace OrderProcessing.Local.Tests.Gateway;

/// <summary>The API function's proxy result becomes the HTTP response, as API Gateway reads it.</summary>
public sealed class ApiGatewayResponseDecoderTests
{
    [Test]
    public void Status_headers_and_text_body_are_read()
    {
        var response = Decode("{\"statusCode\":201,\"headers\":{\"Location\":\"/orders/o-1\",\"Content-Type\":\"application/json\"},\"body\":\"{\\\"name\\\":\\\"Piñata\\\"}\",\"isBase64Encoded\":false}");

        Assert.That(response.StatusCode, Is.EqualTo(201));
        Assert.That(response.Headers["location"], Is.EqualTo(new[] { "/orders/o-1" }));
        Assert.That(Encoding.UTF8.GetString(response.Body), Is.EqualTo("{\"name\":\"Piñata\"}"));
    }

    [Test]
    public void Multi_value_headers_replace_the_single_value_of_the_same_name()
    {
        var response = Decode("{\"statusCode\":200,\"headers\":{\"Set-Cookie\":\"a=1\",\"X-One\":\"1\"},\"multiValueHeaders\":{\"set-cookie\":[\"a=1\",\"b=2\"]}}");

        Assert.That(response.Headers["Set-Cookie"], Is.EqualTo(new[] { "a=1", "b=2" }));
        Assert.That(response.Headers["X-One"], Is.EqualTo(new[] { "1" }));
        Assert.That(response.Body, Is.Empty);
    }

    [Test]
    public void A_base64_body_is_decoded_to_its_bytes()
    {
        var pdf = "%PDF-1.7\n"u8.ToArray();

        var response = Decode($"{{\"statusCode\":200,\"headers\":{{\"Content-Type\":\"application/pdf\"}},\"body\":\"{Convert.ToBase64String(pdf)}\",\"isBase64Encoded\":true}}");

        Assert.That(response.Body, Is.EqualTo(pdf));
    }

    [TestCase("oops")]
    [TestCase("[]")]
    [TestCase("{\"body\":\"x\"}")]
    [TestCase("{\"statusCode\":\"200\"}")]
    [TestCase("{\"statusCode\":42}")]
    [TestCase("{\"statusCode\":200,\"body\":{}}")]
    [TestCase("{\"statusCode\":200,\"body\":\"***\",\"isBase64Encoded\":true}")]
    [TestCase("{\"statusCode\":200,\"multiValueHeaders\":{\"A\":\"b\"}}")]
    public void A_malformed_result_is_rejected(string output)
    {
        Assert.That(() => Decode(output), Throws.InstanceOf<FormatException>());
    }

    private static ApiGatewayResponse Decode(string output) => ApiGatewayResponseDecoder.Decode(Encoding.UTF8.GetBytes(output));
}
