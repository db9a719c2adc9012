using System.Globalization;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// A function's configuration, read once at start-up: exactly the settings its topology entry declares and nothing else.
/// A missing required setting stops the function with <see cref="MissingSettingException"/>; asking for a setting the
/// topology does not declare is a defect and throws, so the topology stays a complete list of what each function reads.
/// </summary>
public sealed class FunctionSettings
{
    private readonly FunctionDefinition _function;
    private readonly Dictionary<string, string> _values;

    private FunctionSettings(FunctionDefinition function, Dictionary<string, string> values)
    {
        _function = function;
        _values = values;
    }

    /// <summary>The function these settings belong to.</summary>
    public FunctionDefinition Function => _function;

    /// <summary>Reads every setting <paramref name="function"/> declares through <paramref name="read"/> (once each).</summary>
    public static FunctionSettings Load(FunctionDefinition function, Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(read);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var name in function.Settings)
        {
            var value = read(name);
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
            else
            {
                values[name] = value.Trim();
            }
        }

        if (missing.Count > 0)
        {
            throw new MissingSettingException(function.Name, missing);
        }

        foreach (var name in function.OptionalSettings)
        {
            var value = read(name);
            if (!string.IsNullOrWhiteSpace(value))
            {
                values[name] = value.Trim();
            }
        }

        return new FunctionSettings(function, values);
    }

    /// <summary>Reads the declared settings from environment variables.</summary>
    public static FunctionSettings FromEnvironment(FunctionDefinition function) => Load(function, Environment.GetEnvironmentVariable);

    /// <summary>True when the function declares <paramref name="name"/>, required or optional.</summary>
    public bool Declares(string name) => _function.Settings.Contains(name) || _function.OptionalSettings.Contains(name);

    /// <summary>The value of a required setting.</summary>
    public string Required(string name)
    {
        if (!_function.Settings.Contains(name))
        {
            throw new InvalidOperationException($"Function '{_function.Name}' reads {name}, which its topology entry does not list in Settings.");
        }

        return _values[name];
    }

    /// <summary>The value of an optional setting, or null when unset.</summary>
    public string? Optional(string name)
    {
        if (!_function.OptionalSettings.Contains(name))
        {
            throw new InvalidOperationException($"Function '{_function.Name}' reads {name}, which its topology entry does not list in OptionalSettings.");
        }

        return _values.GetValueOrDefault(name);
    }

    /// <summary>A required whole number of seconds from 1 to <paramref name="max"/>.</summary>
    public TimeSpan Seconds(string name, TimeSpan max)
    {
        var text = Required(name);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1 && seconds <= max.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new InvalidOperationException($"{name} must be a whole number of seconds from 1 to {(long)max.TotalSeconds}; it is '{text}' (function '{_function.Name}').");
    }

    /// <summary>An optional absolute http or https URL, or null when unset.</summary>
    public Uri? OptionalUrl(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InvalidOperationException($"{name} must be an absolute http or https URL; it is '{text}' (function '{_function.Name}').");
    }
}
