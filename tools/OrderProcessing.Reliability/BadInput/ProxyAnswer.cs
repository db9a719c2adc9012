using System.Text;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>Reads an API Gateway proxy response (the function's output) into an <see cref="HttpAnswer"/>.</summary>
internal static class ProxyAnswer
{
    /// <summary>Parses <paramref name="json"/>; throws <see cref="InvalidDataException"/> when it is not a proxy response.</summary>
    public static HttpAnswer Parse(string json)
    {
        try
        {
            var response = JsonSerializer.Deserialize(json, AwsEventJsonContext.Default.ApiGatewayProxyResponse)
                ?? throw new FormatException("the response is null");
            if (response.StatusCode is < 100 or > 599)
            {
                throw new FormatException("statusCode is missing or not an HTTP status");
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
            {
                headers[name] = value;
            }

            foreach (var (name, values) in response.MultiValueHeaders ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                headers[name] = string.Join(", ", values);
            }

            var body = response.Body.ToString();
            if (response.IsBase64Encoded)
            {
                var bytes = Convert.FromBase64String(body);
                body = IsJson(headers) ? Encoding.UTF8.GetString(bytes) : $"({bytes.Length} bytes)";
            }

            return new HttpAnswer(response.StatusCode, headers, body);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            throw new InvalidDataException($"Not an API Gateway proxy response: {e.Message}", e);
        }
    }

    private static bool IsJson(Dictionary<string, string> headers) =>
        headers.TryGetValue("Content-Type", out var type) && type.Contains("json", StringComparison.OrdinalIgnoreCase);
}
