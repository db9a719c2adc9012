namespace OrderProcessing.Benchmarks.Cost;

/// <summary>A write-only stream that discards what it is given and counts the bytes (a function's log volume).</summary>
public sealed class CountingStream : Stream
{
    private long _written;

    /// <summary>Bytes written so far.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => Written;

    /// <inheritdoc />
    public override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    /// <summary>Starts counting again from zero.</summary>
    public void Reset() => Interlocked.Exchange(ref _written, 0);

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Interlocked.Add(ref _written, count);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => Interlocked.Add(ref _written, buffer.Length);
}
