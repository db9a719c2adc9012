namespace OrderProcessing.Topology;

/// <summary>
/// The spelling of each <see cref="ApiAuthMode"/>, one for the stack setting <c>order-processing:apiAuth</c>, the api
/// function's <see cref="SettingNames.ApiAuth"/>, the local host and the stack output <c>apiAuth</c>, so none can disagree.
/// </summary>
public static class ApiAuthModes
{
    /// <summary>Every mode by its spelling, in the order of the documentation and of error messages.</summary>
    public static IReadOnlyDictionary<string, ApiAuthMode> BySpelling { get; } = new Dictionary<string, ApiAuthMode>(StringComparer.Ordinal)
    {
        ["cognito"] = ApiAuthMode.Cognito,
        ["iam"] = ApiAuthMode.Iam,
        ["apiKey"] = ApiAuthMode.ApiKey,
        ["none"] = ApiAuthMode.None,
    };

    /// <summary>The spellings a stack may deploy: every mode but <see cref="ApiAuthMode.None"/>, which is local only.</summary>
    public static IReadOnlyList<string> Deployable { get; } =
        [.. BySpelling.Where(entry => entry.Value != ApiAuthMode.None).Select(entry => entry.Key)];

    /// <summary>The spelling of <paramref name="mode"/> (<c>cognito</c>, <c>iam</c>, <c>apiKey</c>, <c>none</c>).</summary>
    public static string Spelling(this ApiAuthMode mode) =>
        BySpelling.FirstOrDefault(entry => entry.Value == mode).Key
        ?? throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an API authentication mode.");

    /// <summary>The mode named by <paramref name="value"/> (exact spelling); a configuration error naming <see cref="SettingNames.ApiAuth"/> otherwise.</summary>
    /// <exception cref="InvalidOperationException">The value is not one of <see cref="BySpelling"/>'s keys.</exception>
    public static ApiAuthMode Parse(string? value) =>
        value is not null && BySpelling.TryGetValue(value, out var mode)
            ? mode
            : throw new InvalidOperationException(
                $"{SettingNames.ApiAuth} must be one of {string.Join(", ", BySpelling.Keys)}; it is '{value}'. It says how the API function learns who calls (see SECURITY.md).");
}
