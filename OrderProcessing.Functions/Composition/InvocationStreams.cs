using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace OrderProcessing.Functions.Composition;

/// <summary>How every function reads its invocation event from a <see cref="Stream"/> and hands its answer back.</summary>
internal static class InvocationStreams
{
    /// <summary>
    /// Reads the event; the runtime hands it over in memory, so a <see cref="MemoryStream"/> is read straight from its
    /// buffer, without the stream machinery. Throws <see cref="JsonException"/> on malformed JSON.
    /// </summary>
    public static async ValueTask<T?> ReadAsync<T>(Stream input, JsonTypeInfo<T> type, CancellationToken cancellationToken = default) => input switch
    {
        MemoryStream memory when memory.TryGetBuffer(out var buffer) => JsonSerializer.Deserialize(buffer.AsSpan((int)memory.Position), type),
        MemoryStream memory => JsonSerializer.Deserialize(memory, type),
        _ => await JsonSerializer.DeserializeAsync(input, type, cancellationToken).ConfigureAwait(false),
    };

    /// <summary>The answer as a read-only stream over its UTF-8 JSON.</summary>
    public static Stream Write<T>(T answer, JsonTypeInfo<T> type)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(answer, type);
        return new MemoryStream(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);
    }
}
