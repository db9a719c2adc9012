using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrderProcessing.Local.Dispatch;

/// <summary>
/// Writes a batch as the SQS event Lambda's event source mapping hands a function (<c>{"Records":[...]}</c>), with the
/// attributes a consumer may read: receive count, sent and first-receive timestamps, body MD5, queue ARN and region.
/// </summary>
public static class SqsEventEncoder
{
    /// <summary>The UTF-8 JSON event for <paramref name="batch"/> from the queue named <paramref name="queueName"/>.</summary>
    public static byte[] Encode(IReadOnlyList<ReceivedMessage> batch, string queueName, DispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(options);
        var arn = $"arn:aws:sqs:{options.Region}:{options.AccountId}:{queueName}";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            foreach (var m in batch)
            {
                json.WriteStartObject();
                json.WriteString("messageId", m.MessageId);
                json.WriteString("receiptHandle", m.ReceiptHandle);
                json.WriteString("body", m.Body);
                json.WriteStartObject("attributes");
                json.WriteString("ApproximateReceiveCount", m.ReceiveCount.ToString(CultureInfo.InvariantCulture));
                json.WriteString("SentTimestamp", m.SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                json.WriteString("SenderId", "local-pipe");
                json.WriteString("ApproximateFirstReceiveTimestamp", m.FirstReceivedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
                json.WriteEndObject();
                json.WriteStartObject("messageAttributes");
                json.WriteEndObject();
                json.WriteString("md5OfBody", Md5Hex(m.Body));
                json.WriteString("eventSource", "aws:sqs");
                json.WriteString("eventSourceARN", arn);
                json.WriteString("awsRegion", options.Region);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // SQS's integrity checksum of the body, not a security measure.
#pragma warning disable CA5351
    private static string Md5Hex(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
}
