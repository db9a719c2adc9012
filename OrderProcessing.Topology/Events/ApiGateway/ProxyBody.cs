using System.Text;
using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>
/// The <c>body</c> of a proxy response: text, carried either as a string or as the UTF-8 bytes of that text. A producer
/// that already has UTF-8 (a serialized JSON resource, base64 written as bytes) hands those over, and the response
/// document writes them as its JSON string without first making a UTF-16 copy; a reader sees text either way. The JSON is
/// the same for both forms: a JSON string, escaped by the writer.
/// </summary>
[JsonConverter(typeof(ProxyBodyJsonConverter))]
public readonly struct ProxyBody : IEquatable<ProxyBody>
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _utf8;

    private ProxyBody(string? text, ReadOnlyMemory<byte> utf8)
    {
        _text = text;
        _utf8 = utf8;
    }

    /// <summary>No body (the empty string); also the <see langword="default"/> value.</summary>
    public static ProxyBody Empty => default;

    /// <summary>True when the body has no content.</summary>
    public bool IsEmpty => _text is null ? _utf8.IsEmpty : _text.Length == 0;

    /// <summary>A body carried as <paramref name="text"/>.</summary>
    public static ProxyBody FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ProxyBody(text, default);
    }

    /// <summary>
    /// A body carried as the UTF-8 bytes of its text; the bytes are kept, not copied, so they must not change. They are
    /// not checked here (producers hand over what a serializer or encoder wrote): the JSON writer rejects invalid UTF-8.
    /// </summary>
    public static ProxyBody FromUtf8(ReadOnlyMemory<byte> utf8) => new(null, utf8);

    /// <summary>The body as a string (decoded when it is carried as UTF-8).</summary>
    public override string ToString() => _text ?? (_utf8.IsEmpty ? "" : Encoding.UTF8.GetString(_utf8.Span));

    /// <summary>The UTF-8 bytes when the body is carried as UTF-8, for the converter to write without a UTF-16 copy.</summary>
    internal bool TryGetUtf8(out ReadOnlySpan<byte> utf8)
    {
        utf8 = _utf8.Span;
        return _text is null;
    }

    /// <summary>Same text, whichever form each side carries.</summary>
    public bool Equals(ProxyBody other) =>
        _text is null && other._text is null
            ? _utf8.Span.SequenceEqual(other._utf8.Span)
            : string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ProxyBody other && Equals(other);

    /// <summary>The text's ordinal hash, so the two forms of one text hash alike.</summary>
    public override int GetHashCode() => string.GetHashCode(ToString(), StringComparison.Ordinal);

    /// <summary>Same text.</summary>
    public static bool operator ==(ProxyBody left, ProxyBody right) => left.Equals(right);

    /// <summary>Different text.</summary>
    public static bool operator !=(ProxyBody left, ProxyBody right) => !left.Equals(right);

    /// <summary>A body carried as <paramref name="text"/> (null is no body), so records are still written with <c>Body = "..."</c>.</summary>
    public static implicit operator ProxyBody(string? text) => text is null ? Empty : FromString(text);

    /// <summary>The body's text, so readers that take a string (<c>JsonDocument.Parse</c>, base64 decoding) need no change.</summary>
    public static implicit operator string(ProxyBody body) => body.ToString();
}
