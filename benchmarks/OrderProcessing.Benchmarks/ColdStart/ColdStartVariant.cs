namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>One way of building and starting the function: a publish folder and runtime settings.</summary>
/// <param name="Name">Short name for tables and plots.</param>
/// <param name="Description">What differs, in words.</param>
/// <param name="PublishFolder">The <c>dotnet publish</c> output to load the function from.</param>
/// <param name="Environment">Runtime settings as environment variables (<c>DOTNET_TieredPGO=0</c>), as a Lambda function's configuration sets them.</param>
public sealed record ColdStartVariant(string Name, string Description, string PublishFolder, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The variants compared: the plain and ReadyToRun builds, then ReadyToRun with JIT settings that affect start-up.</summary>
    public static IReadOnlyList<ColdStartVariant> Standard(string plainFolder, string readyToRunFolder) =>
    [
        new("plain", "framework-dependent Release build, JIT only", plainFolder, new Dictionary<string, string>()),
        new("r2r", "ReadyToRun build (PublishReadyToRun=true), the deployed artifact", readyToRunFolder, new Dictionary<string, string>()),
        new("r2r-nopgo", "ReadyToRun, TieredPGO off (DOTNET_TieredPGO=0)", readyToRunFolder, new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" }),
        new("r2r-noqjfl", "ReadyToRun, quick JIT for loops off (DOTNET_TC_QuickJitForLoops=0)", readyToRunFolder, new Dictionary<string, string> { ["DOTNET_TC_QuickJitForLoops"] = "0" }),
        new("r2r-notiered", "ReadyToRun, tiered compilation off (DOTNET_TieredCompilation=0)", readyToRunFolder, new Dictionary<string, string> { ["DOTNET_TieredCompilation"] = "0" }),
        new("plain-nopgo", "plain build, TieredPGO off", plainFolder, new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" }),
    ];
}
