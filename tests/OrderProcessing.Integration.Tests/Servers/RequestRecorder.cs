using System.Collections.Concurrent;
using Amazon.Runtime;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>Records every request a client sends, through the SDK's <c>BeforeRequestEvent</c>, so tests can check what the adapters asked for.</summary>
public sealed class RequestRecorder
{
    private readonly ConcurrentQueue<AmazonWebServiceRequest> _requests = new();

    /// <summary>Starts recording the requests of <paramref name="client"/>.</summary>
    public void Attach(IAmazonService client)
    {
        if (client is not AmazonServiceClient serviceClient)
        {
            throw new ArgumentException($"Cannot observe requests of a {client.GetType().Name}.", nameof(client));
        }

        serviceClient.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs { Request: { } request })
            {
                _requests.Enqueue(request);
            }
        };
    }

    /// <summary>Every request recorded so far, in order.</summary>
    public IReadOnlyList<AmazonWebServiceRequest> Requests => _requests.ToArray();

    /// <summary>Forgets what was recorded (for example the provisioning requests).</summary>
    public void Clear() => _requests.Clear();
}
