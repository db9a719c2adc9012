using System.Globalization;

namespace OrderProcessing.Benchmarks.Common;

/// <summary>The runner's arguments: <c>--name value</c> options and <c>--flag</c> switches after the command.</summary>
public sealed class RunnerArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private RunnerArguments(string command) => Command = command;

    /// <summary>The command (first argument).</summary>
    public string Command { get; }

    /// <summary>Parses <paramref name="args"/>; a value-less option is a flag.</summary>
    public static RunnerArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var line = new RunnerArguments(args.Count > 0 ? args[0] : "help");
        for (var i = 1; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Unexpected argument '{name}'.");
            }

            if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                line._options[name] = args[++i];
            }
            else
            {
                line._flags.Add(name);
            }
        }

        return line;
    }

    /// <summary>True when <paramref name="name"/> was given as a switch.</summary>
    public bool Flag(string name)
    {
        _read.Add(name);
        return _flags.Contains(name);
    }

    /// <summary>The value of a required option.</summary>
    public string Required(string name) => Optional(name) ?? throw new ArgumentException($"{Command}: {name} is required.");

    /// <summary>The value of an option, or null.</summary>
    public string? Optional(string name)
    {
        _read.Add(name);
        return _options.GetValueOrDefault(name);
    }

    /// <summary>A whole-number option, or <paramref name="fallback"/>.</summary>
    public int Integer(string name, int fallback) =>
        Optional(name) is { } text ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Every option value given under <paramref name="name"/> split on commas.</summary>
    public IReadOnlyList<string> List(string name) =>
        Optional(name) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];

    /// <summary>Throws when an option was given that the command never read (a typo would otherwise be ignored).</summary>
    public void RejectUnknown()
    {
        var unknown = _options.Keys.Concat(_flags).Where(n => !_read.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"{Command}: unknown option(s) {string.Join(", ", unknown)}.");
        }
    }
}
