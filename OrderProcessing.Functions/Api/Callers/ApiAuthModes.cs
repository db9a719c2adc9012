using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Callers;

/// <summary>The setting values of <see cref="ApiAuthMode"/>, as the deployment and the local host write them.</summary>
public static class ApiAuthModes
{
    /// <summary>Every accepted value, in the order of the documentation.</summary>
    public static IReadOnlyList<string> All { get; } = ["cognito", "iam", "apiKey", "none"];

    /// <summary>The mode named by <paramref name="value"/> (exact spelling); a configuration error naming <see cref="SettingNames.ApiAuth"/> otherwise.</summary>
    /// <exception cref="InvalidOperationException">The value is not one of <see cref="All"/>.</exception>
    public static ApiAuthMode Parse(string? value) => value switch
    {
        "cognito" => ApiAuthMode.Cognito,
        "iam" => ApiAuthMode.Iam,
        "apiKey" => ApiAuthMode.ApiKey,
        "none" => ApiAuthMode.None,
        _ => throw new InvalidOperationException(
            $"{SettingNames.ApiAuth} must be one of {string.Join(", ", All)}; it is '{value}'. It says how the API function learns who calls (see SECURITY.md)."),
    };
}
