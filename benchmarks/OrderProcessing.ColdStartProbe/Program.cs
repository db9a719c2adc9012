using System.Globalization;
using System.Reflection;
using System.Text;
using OrderProcessing.ColdStartProbe;

// usage: OrderProcessing.ColdStartProbe <publish folder> <handler string> <event file>
// The parent passes the moment it started this process as COLDSTART_PARENT_START_UNIX_US (wall clock, microseconds), so
// times are measured from process start, including the runtime's own start-up, on the same clock.
var mainEntered = UnixMicroseconds();
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: OrderProcessing.ColdStartProbe <publish folder> <Assembly::Type::Method> <event file>");
    return 2;
}

var (folder, handler, eventFile) = (args[0], args[1], args[2]);
var parts = handler.Split("::");
if (parts.Length != 3)
{
    Console.Error.WriteLine($"'{handler}' is not a handler string (Assembly::Namespace.Type::Method).");
    return 2;
}

// The breakdown run (not timed) lists what the JIT compiles; timed runs do not listen, since listening costs time.
using var jit = Environment.GetEnvironmentVariable("COLDSTART_JIT_BREAKDOWN") == "1" ? new JitRecorder() : null;
var input = File.ReadAllBytes(eventFile);
var context = new FunctionLoadContext(Path.Combine(folder, parts[0] + ".dll"));
var assembly = context.LoadFromAssemblyName(new AssemblyName(parts[0]));
var type = assembly.GetType(parts[1], throwOnError: true)!;
var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)])
    ?? throw new MissingMethodException(parts[1], parts[2]);
var instance = Activator.CreateInstance(type)!;
var ready = UnixMicroseconds();
var (readyJitMethods, readyJitMs) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);

var output = await ((Task<Stream>)method.Invoke(instance, [new MemoryStream(input, writable: false)])!).ConfigureAwait(false);
using var reader = new StreamReader(output, Encoding.UTF8);
var response = await reader.ReadToEndAsync().ConfigureAwait(false);
var firstResponse = UnixMicroseconds();
var (jitMethods, jitMs) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds);

var status = StatusCode(response);
if (jit is not null)
{
    // Runtime events reach an in-process listener asynchronously: give the last ones time to arrive.
    await Task.Delay(1000).ConfigureAwait(false);
}

var parent = long.TryParse(Environment.GetEnvironmentVariable("COLDSTART_PARENT_START_UNIX_US"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : mainEntered;
Console.Out.Flush();
Console.Error.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"@@coldstart {{\"mainMs\":{(mainEntered - parent) / 1000.0:F2},\"readyMs\":{(ready - parent) / 1000.0:F2},\"firstResponseMs\":{(firstResponse - parent) / 1000.0:F2},\"status\":{status},\"peakRssKb\":{PeakResidentKilobytes()},\"readyJitMethods\":{readyJitMethods},\"readyJitMs\":{readyJitMs:F1},\"jitMethods\":{jitMethods},\"jitMs\":{jitMs:F1},\"jitGroups\":{{{string.Join(",", (jit?.ByGroup ?? new Dictionary<string, int>()).Select(g => $"\"{g.Key}\":{g.Value}"))}}}}}"));
return status is >= 200 and < 300 ? 0 : 1;

static long UnixMicroseconds() => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) / 10;

// The proxy response is {"statusCode":201,...}: read the number without a JSON library (nothing more to load).
static int StatusCode(string response)
{
    const string Name = "\"statusCode\":";
    var at = response.IndexOf(Name, StringComparison.Ordinal);
    if (at < 0)
    {
        return -1;
    }

    var start = at + Name.Length;
    var end = start;
    while (end < response.Length && char.IsAsciiDigit(response[end]))
    {
        end++;
    }

    return int.Parse(response.AsSpan(start, end - start), CultureInfo.InvariantCulture);
}

// VmHWM: the peak resident set size of this process so far.
static long PeakResidentKilobytes()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
        {
            return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
        }
    }

    return -1;
}
