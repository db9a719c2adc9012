namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>Finds the repository root (the folder of <c>Pulumi.yaml</c>) by walking up from the test's folder.</summary>
public static class RepositoryRoot
{
    /// <summary>The folder holding <c>Pulumi.yaml</c>.</summary>
    public static string Path { get; } = Find();

    /// <summary>The stack file of <paramref name="stack"/> (<c>Pulumi.dev.yaml</c>).</summary>
    public static string StackFile(string stack) => System.IO.Path.Combine(Path, $"Pulumi.{stack}.yaml");

    private static string Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Pulumi.yaml")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Pulumi.yaml above {TestContext.CurrentContext.TestDirectory}.");
    }
}
