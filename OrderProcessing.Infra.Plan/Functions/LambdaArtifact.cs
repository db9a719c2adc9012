using OrderProcessing.Infra.Plan.Settings;

namespace OrderProcessing.Infra.Plan.Functions;

/// <summary>The ReadyToRun publish folder every function's code is zipped from.</summary>
public static class LambdaArtifact
{
    /// <summary>The assembly the handler strings of the topology name.</summary>
    public const string EntryAssembly = "OrderProcessing.Functions.dll";

    /// <summary>The command that builds the folder.</summary>
    public const string PublishCommand =
        "dotnet publish OrderProcessing.Functions -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o artifacts/functions";

    /// <summary>
    /// The full path of the configured folder (relative paths are taken from <paramref name="projectRoot"/>, the folder of
    /// <c>Pulumi.yaml</c>). Throws naming <c>artifactPath</c> when the folder has not been published.
    /// </summary>
    public static string Locate(string artifactPath, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(artifactPath);
        ArgumentNullException.ThrowIfNull(projectRoot);

        var folder = Path.GetFullPath(Path.IsPathRooted(artifactPath) ? artifactPath : Path.Combine(projectRoot, artifactPath));
        return File.Exists(Path.Combine(folder, EntryAssembly))
            ? folder
            : throw new StackSettingsException(
                SettingKeys.ArtifactPath,
                $"points to '{folder}', which holds no {EntryAssembly}. Build it first: {PublishCommand}");
    }
}
