using System.Buffers;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace OrderProcessing.Core.Invoices.Pdf;

/// <summary>
/// Writes the file structure of a PDF 1.4 document: header, numbered objects, the cross-reference table that gives
/// each object's byte offset, and the trailer. Objects are written in number order, starting at 1.
/// </summary>
internal sealed class PdfFileWriter
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly List<int> _offsets = [];

    /// <summary>Starts the file. The second line holds bytes above 127 so that tools treat the file as binary.</summary>
    public PdfFileWriter()
    {
        PdfSyntax.Write(_output, "%PDF-1.4\n");
        _output.Write<byte>([(byte)'%', 0xE2, 0xE3, 0xCF, 0xD3, (byte)'\n']);
    }

    /// <summary>The number the next object gets.</summary>
    public int NextObjectNumber => _offsets.Count + 1;

    /// <summary>Writes the next object, whose value is <paramref name="value"/> (ASCII PDF syntax).</summary>
    public void WriteObject(string value)
    {
        BeginObject();
        PdfSyntax.Write(_output, value);
        PdfSyntax.Write(_output, "\nendobj\n");
    }

    /// <summary>Writes the next object as a stream of <paramref name="data"/>, compressed with Flate when asked.</summary>
    public void WriteStream(ReadOnlySpan<byte> data, bool compress)
    {
        ReadOnlySpan<byte> body = compress ? Deflate(data) : data;
        BeginObject();
        PdfSyntax.Write(_output, Invariant($"<< /Length {body.Length}{(compress ? " /Filter /FlateDecode" : string.Empty)} >>\nstream\n"));
        _output.Write(body);
        PdfSyntax.Write(_output, "\nendstream\nendobj\n");
    }

    /// <summary>
    /// Ends the file with the cross-reference table and the trailer, and returns it. The file identifier is a hash of
    /// the content, so it is unique per document yet the same document always gets the same bytes.
    /// </summary>
    public byte[] Finish(int catalog, int info)
    {
        var id = Convert.ToHexString(SHA256.HashData(_output.WrittenSpan)[..16]);
        var xrefOffset = _output.WrittenCount;
        var size = _offsets.Count + 1;

        // Every entry is exactly 20 bytes, its end of line included, as the format requires.
        PdfSyntax.Write(_output, Invariant($"xref\n0 {size}\n0000000000 65535 f\r\n"));
        foreach (var offset in _offsets)
        {
            PdfSyntax.Write(_output, Invariant($"{offset:D10} 00000 n\r\n"));
        }

        PdfSyntax.Write(_output, Invariant(
            $"trailer\n<< /Size {size} /Root {catalog} 0 R /Info {info} 0 R /ID [<{id}> <{id}>] >>\nstartxref\n{xrefOffset}\n%%EOF\n"));
        return _output.WrittenSpan.ToArray();
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data)
    {
        // zlib format is what /FlateDecode expects; the same input and runtime give the same bytes.
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return compressed.ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private void BeginObject()
    {
        _offsets.Add(_output.WrittenCount);
        PdfSyntax.Write(_output, Invariant($"{_offsets.Count} 0 obj\n"));
    }
}
