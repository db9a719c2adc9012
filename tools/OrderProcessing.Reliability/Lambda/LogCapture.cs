using System.Collections.Concurrent;
using System.Text;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>
/// Where the functions' telemetry goes during a run: every line kept, in order, for the security checks (no e-mail
/// address or payment token may appear), with the failure causes the stages reported through their hook.
/// </summary>
internal sealed class LogCapture : TextWriter
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StringBuilder _partial = new();
    private readonly Lock _gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Complete lines written so far.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Enqueue(_partial.ToString().TrimEnd('\r'));
                _partial.Clear();
            }
            else
            {
                _partial.Append(value);
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? "")
        {
            Write(c);
        }
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
        {
            _partial.Append(value);
            _lines.Enqueue(_partial.ToString());
            _partial.Clear();
        }
    }
}
