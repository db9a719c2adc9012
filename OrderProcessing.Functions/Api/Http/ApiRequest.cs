using System.Text;
using OrderProcessing.Core.Common;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Api.Http;

/// <summary>A read-only view of an API Gateway proxy event: case-insensitive headers, query parameters and the body as bytes.</summary>
internal sealed class ApiRequest
{
    private readonly ApiGatewayProxyRequest _event;

    public ApiRequest(ApiGatewayProxyRequest proxyEvent, CancellationToken budget = default)
    {
        _event = proxyEvent;
        Budget = budget;
        Method = (proxyEvent.HttpMethod ?? "").ToUpperInvariant();
        Path = string.IsNullOrEmpty(proxyEvent.Path) ? "/" : proxyEvent.Path;
        RequestId = proxyEvent.RequestContext?.RequestId;
    }

    public string Method { get; }

    public string Path { get; }

    public string? RequestId { get; }

    /// <summary>Cancelled when the invocation's store budget is spent; every store call of the request takes it.</summary>
    public CancellationToken Budget { get; }

    public IReadOnlyDictionary<string, string?>? PathParameters => _event.PathParameters;

    /// <summary>The request context, whose <c>authorizer.claims</c> say who calls.</summary>
    public ApiGatewayRequestContext? RequestContext => _event.RequestContext;

    /// <summary>The last value of a header, matched case-insensitively as HTTP requires.</summary>
    public string? Header(string name) => Last(_event.MultiValueHeaders, _event.Headers, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The last value of a query parameter; names are case-sensitive.</summary>
    public string? Query(string name) => Last(_event.MultiValueQueryStringParameters, _event.QueryStringParameters, name, StringComparison.Ordinal);

    /// <summary>True when the request carries a non-empty body.</summary>
    public bool HasBody => !string.IsNullOrEmpty(_event.Body);

    /// <summary>The body's bytes (base64-decoded when API Gateway encoded it); a validation error when the base64 is broken.</summary>
    public byte[] BodyBytes()
    {
        var body = _event.Body ?? "";
        if (!_event.IsBase64Encoded)
        {
            return Encoding.UTF8.GetBytes(body);
        }

        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            throw ValidationException.ForField("body", "is marked base64-encoded but is not valid base64");
        }
    }

    /// <summary>The body's size in bytes, computed without decoding it (base64 padding is not content).</summary>
    public long BodyLength()
    {
        var body = _event.Body ?? "";
        if (!_event.IsBase64Encoded)
        {
            return Encoding.UTF8.GetByteCount(body);
        }

        var padding = body.EndsWith("==", StringComparison.Ordinal) ? 2 : body.EndsWith('=') ? 1 : 0;
        return Math.Max(0, (body.Length / 4L * 3) - padding);
    }

    private static string? Last(
        IReadOnlyDictionary<string, IReadOnlyList<string?>?>? multi,
        IReadOnlyDictionary<string, string?>? single,
        string name,
        StringComparison comparison)
    {
        if (multi is not null)
        {
            foreach (var (key, values) in multi)
            {
                if (string.Equals(key, name, comparison) && values is { Count: > 0 })
                {
                    return values[^1];
                }
            }
        }

        if (single is not null)
        {
            foreach (var (key, value) in single)
            {
                if (string.Equals(key, name, comparison))
                {
                    return value;
                }
            }
        }

        return null;
    }
}
