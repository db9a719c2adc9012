using System.Globalization;

namespace OrderProcessing.Functions.Api.Export;

/// <summary>A history export outgrew what one API response can carry (<see cref="BoundedProxyBody"/>).</summary>
internal sealed class ExportTooLargeException(long maxEscapedBytes)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"The export would exceed the {maxEscapedBytes} bytes one API response can carry."))
{
    public long MaxEscapedBytes { get; } = maxEscapedBytes;
}
