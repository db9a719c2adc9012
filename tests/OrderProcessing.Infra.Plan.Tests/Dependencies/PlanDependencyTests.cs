using System.Text.Json;

namespace OrderProcessing.Infra.Plan.Tests.Dependencies;

/// <summary>The Pulumi program reads the topology and schema without dragging in the functions or the AWS SDK.</summary>
public sealed class PlanDependencyTests
{
    private static IReadOnlyList<string> RuntimeLibraries()
    {
        // The deps file of this test assembly lists every library the plan (and so the Pulumi program) loads.
        var depsFile = Path.Combine(AppContext.BaseDirectory, "OrderProcessing.Infra.Plan.Tests.deps.json");
        using var deps = JsonDocument.Parse(File.ReadAllText(depsFile));
        return deps.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();
    }

    [Test]
    public void Plan_LoadsNoAwsSdkPackage()
    {
        Assert.That(RuntimeLibraries().Where(l => l.StartsWith("AWSSDK.", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }

    [Test]
    public void Plan_ReadsTheTopologyProject_NotTheFunctions()
    {
        var libraries = RuntimeLibraries();

        Assert.That(libraries, Does.Contain("OrderProcessing.Topology"));
        Assert.That(libraries, Does.Not.Contain("OrderProcessing.Functions"));
    }
}
