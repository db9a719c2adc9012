using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api;

/// <summary>Settings of the HTTP API function beyond its stores.</summary>
public sealed record ApiOptions
{
    /// <summary>Largest accepted request body: 64 KiB (design section 3). Larger bodies get <c>413</c>.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>
    /// Origins allowed to call the API from a browser; <c>*</c> allows any. Empty (the default, for hosts that set none)
    /// sends no CORS headers, so browsers on other origins are refused.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>
    /// How callers are identified (<see cref="SettingNames.ApiAuth"/>). Required: a host that forgot it must not silently
    /// serve every customer's orders to anyone, nor lock everyone out.
    /// </summary>
    public required ApiAuthMode Auth { get; init; }

    /// <summary>How long browsers may cache a preflight answer. Default 10 minutes.</summary>
    public TimeSpan PreflightMaxAge { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Reads the options from the API function's settings.</summary>
    public static ApiOptions FromSettings(FunctionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var origins = settings.Required(SettingNames.CorsAllowOrigin);
        return new ApiOptions
        {
            Auth = ApiAuthModes.Parse(settings.Required(SettingNames.ApiAuth)),
            AllowedOrigins = origins.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }
}
