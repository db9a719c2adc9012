using System.Collections.Concurrent;
using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>The real API function, with every event it was invoked with kept by request id: shows what reached it and what did not.</summary>
internal sealed class RecordingApi(IFunctionHandler inner) : IFunctionHandler
{
    private readonly ConcurrentDictionary<string, ApiGatewayProxyRequest> _events = new(StringComparer.Ordinal);

    public string Name => inner.Name;

    /// <summary>The event of the request API Gateway numbered <paramref name="requestId"/>, or null when the function never saw it.</summary>
    public ApiGatewayProxyRequest? Find(string requestId) => _events.GetValueOrDefault(requestId);

    public async Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await input.CopyToAsync(copy, cancellationToken);
        var e = JsonSerializer.Deserialize(copy.ToArray(), AwsEventJsonContext.Default.ApiGatewayProxyRequest)!;
        _events[e.RequestContext!.RequestId!] = e;
        copy.Position = 0;
        return await inner.InvokeAsync(copy, cancellationToken);
    }
}
