using System.Text;
using System.Text.Json;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Local.Diagnostics;

namespace OrderProcessing.Local.Notifications;

/// <summary>
/// Appends each notification as one JSON line to a file, flushed per line, so a reader (or a test) can follow it while the
/// host runs. The local stand-in for the <c>order-events</c> topic's subscribers.
/// </summary>
public sealed class JsonLinesNotificationSink : INotificationSink, IDisposable
{
    private readonly FileStream _file;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Opens (creating it and its directory if needed) <paramref name="path"/> for appending.</summary>
    public JsonLinesNotificationSink(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite, 4096, useAsync: true);
    }

    /// <summary>The file's full path.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public async Task SendAsync(CustomerNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(notification, LocalJsonContext.Default.CustomerNotification) + "\n");
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _file.WriteAsync(line, cancellationToken).ConfigureAwait(false);
            await _file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file.Dispose();
        _gate.Dispose();
    }
}
