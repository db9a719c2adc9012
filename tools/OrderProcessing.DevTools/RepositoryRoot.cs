namespace OrderProcessing.DevTools;

/// <summary>
/// The repository's root: the first folder holding <c>OrderProcessing.sln</c> above the running program's folder (a
/// test assembly's or a tool's output) or, failing that, above the working directory.
/// </summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The absolute path of the root; throws when the program does not run from a checkout.</summary>
    public static string Path => Root.Value;

    /// <summary>The Pulumi stack file of <paramref name="stack"/> (<c>Pulumi.dev.yaml</c>), which sits at the root beside <c>Pulumi.yaml</c>.</summary>
    public static string StackFile(string stack) => System.IO.Path.Combine(Path, $"Pulumi.{stack}.yaml");

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "OrderProcessing.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No OrderProcessing.sln above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: run from a checkout of the repository.");
    }
}
