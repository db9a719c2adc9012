namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>Finds the repository root by walking up from the test assembly's directory to the solution file.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>The absolute path of the repository root.</summary>
    public static string Path => Root.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OrderProcessing.sln")) && Directory.Exists(System.IO.Path.Combine(dir.FullName, "tests")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No OrderProcessing.sln above {TestContext.CurrentContext.TestDirectory}: cannot find the repository root.");
    }
}
