using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrderProcessing.Functions.Observability;

/// <summary>
/// A function's structured output: JSON log lines (level, message, timestamp, awsRequestId, requestId, orderId, functionName, ...)
/// and CloudWatch Embedded Metric Format documents, one JSON object per line on one writer (stdout in Lambda, where
/// CloudWatch Logs turns EMF lines into metrics). Every string is scrubbed of email addresses and payment tokens.
/// Thread-safe: the local host may run invocations concurrently.
/// </summary>
public sealed class Telemetry
{
    /// <summary>The CloudWatch namespace of every metric.</summary>
    public const string MetricNamespace = Topology.OperationalMetrics.Namespace;

    // The Lambda request id of the invocation the current async flow serves: set by the runtime loop, read by every line.
    private static readonly AsyncLocal<string?> AwsRequestId = new();

    private readonly TextWriter _output;
    private readonly Stream? _direct;
    private readonly bool _autoFlush;
    private readonly byte[] _newLine;
    private readonly Lock _gate = new();

    /// <summary>Creates telemetry writing to <paramref name="output"/>.</summary>
    /// <param name="functionName">The topology name of the function (<c>api</c>, <c>reserve-inventory</c>).</param>
    /// <param name="environment">The deployment stage, a dimension of every metric.</param>
    /// <param name="output">Where lines go.</param>
    /// <param name="clock">Timestamps and durations.</param>
    public Telemetry(string functionName, string environment, TextWriter output, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(clock);
        FunctionName = functionName;
        Environment = environment;
        _output = output;
        Clock = clock;
        _direct = DirectStream(output);
        _autoFlush = output is StreamWriter { AutoFlush: true };
        _newLine = Encoding.UTF8.GetBytes(output.NewLine);
    }

    /// <summary>The function's topology name.</summary>
    public string FunctionName { get; }

    /// <summary>The deployment stage.</summary>
    public string Environment { get; }

    /// <summary>The clock used for timestamps and durations.</summary>
    public TimeProvider Clock { get; }

    /// <summary>
    /// Telemetry on the process's raw standard output. The raw stream, not <see cref="Console.Out"/>: the Lambda runtime
    /// redirects <see cref="Console.Out"/> and, with JSON log format, would wrap each line in its own JSON, hiding EMF.
    /// </summary>
    public static Telemetry ToStandardOutput(string functionName, string environment) =>
        new(functionName, environment, new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true }, TimeProvider.System);

    /// <summary>
    /// Marks every log line and metric document written in the current async flow, by any telemetry, with
    /// <c>awsRequestId</c> (the Lambda invocation's request id) until the returned scope is disposed. The runtime loop
    /// opens one per invocation, so a function's lines name their invocation without passing it down.
    /// </summary>
    public static IDisposable BeginInvocation(string awsRequestId)
    {
        ArgumentException.ThrowIfNullOrEmpty(awsRequestId);
        var previous = AwsRequestId.Value;
        AwsRequestId.Value = awsRequestId;
        return new InvocationScope(previous);
    }

    /// <summary>Writes one log line.</summary>
    /// <param name="level">Severity.</param>
    /// <param name="message">What happened; never a full email address or a payment token.</param>
    /// <param name="requestId">API Gateway's request id, or the SQS message id for a stage record.</param>
    /// <param name="orderId">The order concerned, if any.</param>
    /// <param name="fields">Further context (route, status, outcome, ...): strings, numbers, booleans or null.</param>
    /// <param name="exception">The failure, logged with type, message and stack trace.</param>
    public void Log(LogLevel level, string message, string? requestId = null, string? orderId = null, IReadOnlyDictionary<string, object?>? fields = null, Exception? exception = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var line = LineBuffer.Rent();
        try
        {
            var json = line.Json;
            json.WriteStartObject();
            Span<byte> timestamp = stackalloc byte[32];
            Clock.GetUtcNow().UtcDateTime.TryFormat(timestamp, out var length, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            json.WriteString("timestamp"u8, timestamp[..length]);
            json.WriteString("level"u8, LevelName(level));
            json.WriteString("message", LogScrubber.Scrub(message));
            json.WriteString("functionName", FunctionName);
            json.WriteString("environment", Environment);
            WriteOptional(json, "awsRequestId", AwsRequestId.Value);
            WriteOptional(json, "requestId", requestId);
            WriteOptional(json, "orderId", orderId);
            foreach (var (name, value) in fields ?? Empty)
            {
                WriteField(json, name, value);
            }

            if (exception is not null)
            {
                json.WriteString("errorType", exception.GetType().FullName);
                json.WriteString("errorMessage", LogScrubber.Scrub(exception.Message));
                json.WriteString("stackTrace", LogScrubber.Scrub(exception.ToString()));
            }

            json.WriteEndObject();
            WriteLine(line);
        }
        finally
        {
            LineBuffer.Return(line);
        }
    }

    /// <summary>Writes one Embedded Metric Format document: <paramref name="metrics"/> under one set of dimensions.</summary>
    /// <param name="dimensions">Dimension names and values besides <c>Environment</c>, which every metric carries.</param>
    /// <param name="metrics">The metrics.</param>
    /// <param name="properties">Searchable context that is not a dimension (request id, status code).</param>
    public void Metrics(IReadOnlyDictionary<string, string> dimensions, IReadOnlyList<Metric> metrics, IReadOnlyDictionary<string, object?>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        ArgumentNullException.ThrowIfNull(metrics);
        var line = LineBuffer.Rent();
        try
        {
            var json = line.Json;
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", Clock.GetUtcNow().ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", MetricNamespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue("Environment");
            foreach (var name in dimensions.Keys)
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            foreach (var metric in metrics)
            {
                json.WriteStartObject();
                json.WriteString("Name", metric.Name);
                json.WriteString("Unit", metric.Unit.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("Environment", Environment);
            json.WriteString("functionName", FunctionName);
            WriteOptional(json, "awsRequestId", AwsRequestId.Value);
            foreach (var (name, value) in dimensions)
            {
                json.WriteString(name, value);
            }

            foreach (var metric in metrics)
            {
                if (metric.Values.Count == 1)
                {
                    json.WriteNumber(metric.Name, Math.Round(metric.Values[0], 3));
                }
                else
                {
                    json.WriteStartArray(metric.Name);
                    foreach (var value in metric.Values)
                    {
                        json.WriteNumberValue(Math.Round(value, 3));
                    }

                    json.WriteEndArray();
                }
            }

            foreach (var (name, value) in properties ?? Empty)
            {
                WriteField(json, name, value);
            }

            json.WriteEndObject();
            WriteLine(line);
        }
        finally
        {
            LineBuffer.Return(line);
        }
    }

    private static readonly Dictionary<string, object?> Empty = [];

    // The names Enum.ToString().ToUpperInvariant() gives, without allocating them per line.
    private static ReadOnlySpan<byte> LevelName(LogLevel level) => level switch
    {
        LogLevel.Debug => "DEBUG"u8,
        LogLevel.Info => "INFO"u8,
        LogLevel.Warn => "WARN"u8,
        LogLevel.Error => "ERROR"u8,
        _ => Encoding.UTF8.GetBytes(level.ToString().ToUpperInvariant()),
    };

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, LogScrubber.Scrub(value));
        }
    }

    private static void WriteField(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case double d:
                json.WriteNumber(name, Math.Round(d, 3));
                break;
            case decimal m:
                json.WriteNumber(name, m);
                break;
            default:
                json.WriteString(name, LogScrubber.Scrub(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
                break;
        }
    }

    // A UTF-8 stream writer without a byte order mark (standard output in Lambda) gets the line's bytes as they are, in
    // one write: no string to build and encode again. Any other writer gets the line as a string, as before.
    private void WriteLine(LineBuffer line)
    {
        line.Json.Flush();
        if (_direct is { } stream)
        {
            line.Bytes.Write(_newLine);
            lock (_gate)
            {
                _output.Flush();
                stream.Write(line.Bytes.WrittenSpan);
                if (_autoFlush)
                {
                    stream.Flush();
                }
            }

            return;
        }

        var text = Encoding.UTF8.GetString(line.Bytes.WrittenSpan);
        lock (_gate)
        {
            _output.WriteLine(text);
        }
    }

    private static Stream? DirectStream(TextWriter output) =>
        output is StreamWriter { Encoding: UTF8Encoding utf8, BaseStream: { CanWrite: true } stream } && utf8.Preamble.IsEmpty ? stream : null;

    private sealed class InvocationScope(string? previous) : IDisposable
    {
        public void Dispose() => AwsRequestId.Value = previous;
    }

    /// <summary>
    /// One thread's reusable line: the bytes and the JSON writer over them, taken out of the thread's slot while in use so
    /// that a writer calling back into telemetry on the same thread gets a fresh one rather than this half-written line.
    /// </summary>
    private sealed class LineBuffer
    {
        [ThreadStatic]
        private static LineBuffer? _cached;

        private LineBuffer()
        {
            Json = new Utf8JsonWriter(Bytes);
        }

        public ArrayBufferWriter<byte> Bytes { get; } = new(1024);

        public Utf8JsonWriter Json { get; }

        public static LineBuffer Rent()
        {
            var line = _cached ?? new LineBuffer();
            _cached = null;
            return line;
        }

        public static void Return(LineBuffer line)
        {
            // A line that grew very large (a long stack trace) is not kept for the thread's lifetime.
            if (line.Bytes.Capacity > 64 * 1024)
            {
                return;
            }

            line.Bytes.ResetWrittenCount();
            line.Json.Reset(line.Bytes);
            _cached = line;
        }
    }
}
