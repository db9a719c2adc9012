using System.Net;
using System.Reflection;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Security;

/// <summary>
/// The security properties a run can check: the functions' logs of whole order lifecycles hold no e-mail address or
/// payment token, a function started without its settings stops with an error naming every missing one, and the local
/// host listens on loopback unless told otherwise.
/// </summary>
internal static class SecurityChecks
{
    /// <summary>No log line leaks personal or payment data. <paramref name="lines"/> must cover whole lifecycles, failures included.</summary>
    public static InvariantResult Logs(IReadOnlyCollection<string> lines, IReadOnlyCollection<string> knownEmails)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(knownEmails);
        var leaks = LogScan.Leaks(lines, knownEmails);
        var errors = lines.Count(l => l.Contains("\"level\":\"ERROR\"", StringComparison.Ordinal) || l.Contains("\"level\":\"WARN\"", StringComparison.Ordinal));
        var violations = leaks.Take(25).ToList();
        if (lines.Count == 0 || knownEmails.Count == 0)
        {
            violations.Add("nothing was logged or no customer e-mail was used: the check would pass vacuously");
        }

        return new InvariantResult(
            "Logs never contain a full e-mail address or a payment token",
            $"{lines.Count:N0} log and metric lines of the functions (API and every stage, {errors:N0} warnings and errors with their stack traces) and the failure causes their hook reported, searched for {knownEmails.Count:N0} customer e-mail addresses, any e-mail-shaped text and any payment token: {leaks.Count} leak(s)",
            violations);
    }

    /// <summary>
    /// Each function of the topology, started through its Lambda (parameterless) constructor with its settings removed
    /// from the environment, fails naming every one of them; and started with all but one, names that one.
    /// </summary>
    public static InvariantResult MissingSettings()
    {
        var violations = new List<string>();
        var cases = 0;
        foreach (var function in SystemTopology.Functions)
        {
            cases++;
            var message = WithoutEnvironment(function.Settings, () => StartFromEnvironment(function));
            foreach (var missing in function.Settings.Where(s => message?.Contains(s, StringComparison.Ordinal) != true))
            {
                violations.Add($"{function.Name} started with an empty environment: {(message is null ? "no error at all" : $"the error does not name {missing}: {message}")}");
            }

            foreach (var setting in function.Settings)
            {
                cases++;
                try
                {
                    FunctionBootstrap.Create(function, name => name == setting ? null : "configured", new NullPortsFactory());
                    violations.Add($"{function.Name} started without {setting}");
                }
                catch (MissingSettingException e) when (e.Names.SequenceEqual([setting]) && e.Message.Contains(setting, StringComparison.Ordinal))
                {
                    // Named exactly the missing setting: as it should.
                }
#pragma warning disable CA1031 // Any other outcome is what the check reports.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    violations.Add($"{function.Name} without {setting} failed with {e.GetType().Name}: {e.Message}");
                }
            }
        }

        return new InvariantResult(
            "A function started without its settings fails, naming every missing one",
            $"{SystemTopology.Functions.Count} functions started through their Lambda constructors with an empty environment, and {cases - SystemTopology.Functions.Count} starts with one required setting missing",
            violations);
    }

    /// <summary>The local host listens on loopback unless told otherwise: its default options, and options parsed from nothing.</summary>
    public static InvariantResult LocalHostBind()
    {
        var defaults = new LocalOptions().Bind;
        var parsed = LocalOptionsParser.Parse([], new Dictionary<string, string?>(StringComparer.Ordinal)).Bind;
        var violations = new List<string>();
        if (!IPAddress.IsLoopback(defaults))
        {
            violations.Add($"LocalOptions binds {defaults} by default");
        }

        if (!IPAddress.IsLoopback(parsed))
        {
            violations.Add($"started with no arguments and no environment, the local host binds {parsed}");
        }

        return new InvariantResult(
            "The local host binds loopback by default",
            $"default options bind {defaults}; no arguments and an empty environment bind {parsed}",
            violations);
    }

    private static string? StartFromEnvironment(FunctionDefinition function)
    {
        try
        {
            // What the bootstrap executable does at init: read the settings once, then construct through the table.
            FunctionEntryPoints.Create(function, FunctionBootstrap.FromEnvironment(function));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    // The Lambda constructors read the process environment: clear the function's settings for the call, then restore them.
    private static T WithoutEnvironment<T>(IReadOnlyList<string> names, Func<T> action)
    {
        var saved = names.ToDictionary(n => n, Environment.GetEnvironmentVariable, StringComparer.Ordinal);
        try
        {
            foreach (var name in names)
            {
                Environment.SetEnvironmentVariable(name, null);
            }

            return action();
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
