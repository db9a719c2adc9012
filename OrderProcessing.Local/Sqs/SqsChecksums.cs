using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace OrderProcessing.Local.Sqs;

/// <summary>
/// The MD5 digests SQS returns with a message, which the AWS SDKs check on every receive and send: of the body, and of
/// the message attributes in SQS's documented encoding (each attribute by name order: name, data type, a transport byte,
/// value, every string preceded by its 4-byte big-endian length).
/// </summary>
public static class SqsChecksums
{
    /// <summary>The lowercase hex MD5 of the UTF-8 body.</summary>
    public static string OfBody(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));

    /// <summary>The lowercase hex MD5 of string attributes (name to value, data type <c>String</c>).</summary>
    public static string OfStringAttributes(IReadOnlyDictionary<string, string> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        using var buffer = new MemoryStream();
        foreach (var (name, value) in attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            Write(buffer, name);
            Write(buffer, "String");
            buffer.WriteByte(1);
            Write(buffer, value);
        }

        return Convert.ToHexStringLower(MD5.HashData(buffer.ToArray()));
    }

    private static void Write(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
