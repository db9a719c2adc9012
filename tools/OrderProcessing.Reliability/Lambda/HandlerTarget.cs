using System.Text;
using OrderProcessing.Reliability.BadInput;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>Sends proxy events to a function's Lambda entry point, exactly as the runtime would: JSON bytes in, JSON bytes out.</summary>
internal sealed class HandlerTarget(Func<Stream, Task<Stream>> handler) : IHttpTarget
{
    public async Task<HttpAnswer> SendAsync(string proxyEventJson, CancellationToken cancellationToken = default)
    {
        await using var output = await handler(new MemoryStream(Encoding.UTF8.GetBytes(proxyEventJson))).ConfigureAwait(false);
        using var reader = new StreamReader(output, Encoding.UTF8);
        return ProxyAnswer.Parse(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
    }
}
