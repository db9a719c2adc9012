using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.Sqs;

/// <summary>One SQS message of an <see cref="SqsEvent"/>.</summary>
public sealed record SqsMessage
{
    /// <summary>The message id; what a batch response names to have the message retried.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; init; }

    /// <summary>The handle of this receipt.</summary>
    [JsonPropertyName("receiptHandle")]
    public string? ReceiptHandle { get; init; }

    /// <summary>The message body; for a stage queue, the order event envelope the order-events topic delivers raw.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>MD5 of the body.</summary>
    [JsonPropertyName("md5OfBody")]
    public string? Md5OfBody { get; init; }

    /// <summary>MD5 of the message attributes.</summary>
    [JsonPropertyName("md5OfMessageAttributes")]
    public string? Md5OfMessageAttributes { get; init; }

    /// <summary>System attributes: <c>ApproximateReceiveCount</c>, <c>SentTimestamp</c>, <c>SenderId</c>, <c>ApproximateFirstReceiveTimestamp</c>, ...</summary>
    [JsonPropertyName("attributes")]
    public IReadOnlyDictionary<string, string?>? Attributes { get; init; }

    /// <summary>Application attributes of the message.</summary>
    [JsonPropertyName("messageAttributes")]
    public IReadOnlyDictionary<string, SqsMessageAttribute?>? MessageAttributes { get; init; }

    /// <summary>The queue's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; init; }

    /// <summary>Always <c>aws:sqs</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; init; }

    /// <summary>The queue's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; init; }

    /// <summary>How many times the message has been received, this time included; null when SQS did not say.</summary>
    [JsonIgnore]
    public int? ApproximateReceiveCount =>
        Attributes is not null && Attributes.TryGetValue("ApproximateReceiveCount", out var v) && int.TryParse(v, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
