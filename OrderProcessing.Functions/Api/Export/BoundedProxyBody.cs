namespace OrderProcessing.Functions.Api.Export;

/// <summary>
/// A write-only stream that collects a response body for the Lambda proxy response, refusing to grow past what the
/// response can carry. API Gateway's REST proxy cannot stream: the body travels inside the function's JSON response,
/// which Lambda caps at 6 MB, and that JSON escapes the body (a quote becomes <c>\u0022</c>, a non-ASCII character
/// <c>\uXXXX</c>). So the limit is on the escaped size, counted as bytes arrive (an upper bound of what the response
/// writer produces), and the output is the only thing that grows with the export.
/// </summary>
internal sealed class BoundedProxyBody(long maxEscapedBytes) : Stream
{
    /// <summary>Escaped body bytes allowed: Lambda's 6 MB response limit less room for the envelope and headers.</summary>
    public const long ProxyLimit = 6_000_000;

    private byte[] _buffer = new byte[16 * 1024];
    private int _length;

    /// <summary>The body's size once written into the proxy response's JSON string (an upper bound).</summary>
    public long EscapedLength { get; private set; }

    /// <summary>The body so far, without a copy (the stream must not be written afterwards).</summary>
    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EscapedLength += EscapedSize(buffer);
        if (EscapedLength > maxEscapedBytes)
        {
            throw new ExportTooLargeException(maxEscapedBytes);
        }

        if (_length + buffer.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + buffer.Length));
        }

        buffer.CopyTo(_buffer.AsSpan(_length));
        _length += buffer.Length;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>
    /// What UTF-8 <paramref name="utf8"/> becomes in a JSON string written with the default encoder, at most: letters,
    /// digits and safe punctuation stay one byte; quotes, HTML-significant characters and controls become up to six;
    /// every non-ASCII character a <c>\uXXXX</c> per UTF-16 unit (twelve for a character outside the BMP).
    /// </summary>
    internal static long EscapedSize(ReadOnlySpan<byte> utf8)
    {
        long size = 0;
        foreach (var b in utf8)
        {
            size += b switch
            {
                < 0x20 or (byte)'"' or (byte)'\\' or (byte)'&' or (byte)'\'' or (byte)'<' or (byte)'>' or (byte)'+' or (byte)'`' or 0x7F => 6,
                < 0x80 => 1,
                < 0xC0 => 0, // a continuation byte: its character was counted at its lead byte
                >= 0xF0 => 12,
                _ => 6,
            };
        }

        return size;
    }
}
