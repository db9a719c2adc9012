using System.Text;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Gateway;

/// <summary>
/// Reads a Lambda proxy integration result as the shared <see cref="ApiGatewayProxyResponse"/> and turns it into the
/// HTTP response API Gateway would send. Anything else is what API Gateway calls a malformed Lambda proxy response.
/// </summary>
public static class ApiGatewayResponseDecoder
{
    /// <summary>The decoded response, or <see cref="FormatException"/> naming what is malformed.</summary>
    public static ApiGatewayResponse Decode(ReadOnlySpan<byte> output)
    {
        ApiGatewayProxyResponse? result;
        try
        {
            result = JsonSerializer.Deserialize(output, AwsEventJsonContext.Default.ApiGatewayProxyResponse);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the result is not a proxy response ({e.Message})", e);
        }

        if (result is null)
        {
            throw new FormatException("the result is not a JSON object");
        }

        if (result.StatusCode is < 100 or > 599)
        {
            throw new FormatException("statusCode is missing or not an HTTP status");
        }

        // A name from multiValueHeaders replaces the same name from headers, as API Gateway merges them.
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in result.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = [value ?? throw new FormatException($"headers.{name} is not a string")];
        }

        foreach (var (name, values) in result.MultiValueHeaders ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            headers[name] = values is null || values.Any(v => v is null) ? throw new FormatException($"multiValueHeaders.{name} is not an array of strings") : values;
        }

        var body = Array.Empty<byte>();
        if (!result.Body.IsEmpty)
        {
            var text = result.Body.ToString();
            try
            {
                body = result.IsBase64Encoded ? Convert.FromBase64String(text) : Encoding.UTF8.GetBytes(text);
            }
            catch (FormatException e)
            {
                throw new FormatException("isBase64Encoded is true but body is not base64", e);
            }
        }

        return new ApiGatewayResponse(result.StatusCode, headers, body);
    }
}
