namespace OrderProcessing.Reliability.Servers;

/// <summary>The repository's root: the first directory above the running program (or the working directory) holding <c>OrderProcessing.sln</c>.</summary>
internal static class RepositoryRoot
{
    /// <summary>The root; throws when the program does not run from a checkout.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrderProcessing.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No OrderProcessing.sln above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: run from a checkout of the repository.");
    }
}
