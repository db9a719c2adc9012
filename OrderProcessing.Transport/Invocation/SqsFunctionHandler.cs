using System.Text.Json;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.Sqs;

namespace OrderProcessing.Transport.Invocation;

/// <summary>
/// A stage function given as a typed delegate (an SQS event in, a partial batch response out) instead of a Lambda
/// <c>Stream</c> handler: the event and the answer cross it as the same JSON a Lambda function sees.
/// </summary>
public sealed class SqsFunctionHandler(string name, Func<SqsEvent, CancellationToken, Task<SqsBatchResponse>> handle) : IFunctionHandler
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public async Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken)
    {
        var sqsEvent = await JsonSerializer.DeserializeAsync(input, AwsEventJsonContext.Default.SqsEvent, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException("The invocation event is not an SQS event.");
        var response = await handle(sqsEvent, cancellationToken).ConfigureAwait(false);
        return new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(response, AwsEventJsonContext.Default.SqsBatchResponse), writable: false);
    }
}
