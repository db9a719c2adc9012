namespace OrderProcessing.Infra.Plan.Settings;

/// <summary>
/// The spelling of each <see cref="ApiAuthMode"/>, one for the stack setting <c>order-processing:apiAuth</c>, the api
/// function's <c>API_AUTH</c> and the stack output <c>apiAuth</c>, so the three cannot disagree.
/// </summary>
public static class ApiAuthModes
{
    /// <summary>Every mode by its spelling, in the order error messages list them.</summary>
    public static IReadOnlyDictionary<string, ApiAuthMode> BySpelling { get; } = new Dictionary<string, ApiAuthMode>(StringComparer.Ordinal)
    {
        ["cognito"] = ApiAuthMode.Cognito,
        ["iam"] = ApiAuthMode.Iam,
        ["apiKey"] = ApiAuthMode.ApiKey,
    };

    /// <summary>The spelling of <paramref name="mode"/> (<c>cognito</c>, <c>iam</c>, <c>apiKey</c>).</summary>
    public static string Spelling(this ApiAuthMode mode) =>
        BySpelling.FirstOrDefault(entry => entry.Value == mode).Key
        ?? throw new ArgumentOutOfRangeException(nameof(mode), mode, "Not an API authentication mode.");
}
