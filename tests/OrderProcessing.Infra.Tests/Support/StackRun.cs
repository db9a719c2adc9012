using System.Collections.Immutable;
using System.Text.Json;
using OrderProcessing.DevTools;
using OrderProcessing.Infra.Plan;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using Pulumi;
using Pulumi.Testing;

namespace OrderProcessing.Infra.Tests.Support;

/// <summary>
/// One run of the stack under mocks with the real configuration of <c>Pulumi.&lt;stack&gt;.yaml</c> (the artifact path
/// pointed at a stand-in publish folder holding an x86-64 ELF <c>bootstrap</c>), and what it registered.
/// </summary>
public sealed class StackRun
{
    private StackRun(string stack, AwsMocks mocks, ImmutableArray<Resource> resources, DeploymentPlan plan, string packagePath)
    {
        Stack = stack;
        Mocks = mocks;
        Resources = resources;
        Plan = plan;
        PackagePath = packagePath;
    }

    /// <summary>The stack name.</summary>
    public string Stack { get; }

    /// <summary>Where the program had to write the deployment package of the stand-in publish folder (deleted after the run).</summary>
    public string PackagePath { get; }

    /// <summary>The mocks, with every registered resource.</summary>
    public AwsMocks Mocks { get; }

    /// <summary>The resource objects the program created.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>The plan of the same settings, to compare against.</summary>
    public DeploymentPlan Plan { get; }

    /// <summary>Registered resources of a type token (<c>aws:sqs/queue:Queue</c>).</summary>
    public IReadOnlyList<MockResourceArgs> OfType(string type) => Mocks.Resources.Where(r => r.Type == type).ToList();

    /// <summary>The one registered resource of <paramref name="type"/> matching <paramref name="predicate"/>.</summary>
    public MockResourceArgs Single(string type, Func<MockResourceArgs, bool> predicate, string what)
    {
        var matches = OfType(type).Where(predicate).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), what);
        return matches[0];
    }

    /// <summary>The stack outputs as the engine received them.</summary>
    public async Task<IReadOnlyDictionary<string, object?>> StackOutputsAsync()
    {
        var stack = Mocks.RegisteredOutputs.Where(o => o.Key.Contains("::pulumi:pulumi:Stack::", StringComparison.Ordinal)).ToList();
        Assert.That(stack, Has.Count.EqualTo(1), "the stack registers its outputs once");

        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, output) in stack[0].Value)
        {
            values[key] = await output.ValueAsync();
        }

        return values;
    }

    /// <summary>Runs stack <paramref name="stack"/> under mocks, with settings of its stack file replaced by <paramref name="overrides"/> (unqualified keys).</summary>
    public static async Task<StackRun> RunAsync(string stack, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var artifact = PublishedFolder.Create(Directory.CreateTempSubdirectory("op-functions-").FullName);
        var packagePath = LambdaArtifact.PackagePath(artifact.FullName);
        try
        {
            var config = StackConfigFile.Read(RepositoryRoot.StackFile(stack)).ToDictionary();
            config[SettingKeys.Qualified(SettingKeys.ArtifactPath)] = artifact.FullName;
            foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
            {
                config[SettingKeys.Qualified(key)] = value;
            }
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));

            var mocks = new AwsMocks();
            var resources = await Deployment.TestAsync<OrderProcessingStack>(mocks, new TestOptions
            {
                ProjectName = SettingKeys.Namespace,
                StackName = stack,
                RootDirectory = RepositoryRoot.Path,
                IsPreview = false,
            });

            var settings = StackSettings.Load(key => config.GetValueOrDefault(SettingKeys.Qualified(key)));
            Assert.That(File.Exists(packagePath), Is.True, "the program writes the package beside the publish folder");
            return new StackRun(stack, mocks, resources, DeploymentPlan.Create(stack, config["aws:region"], settings), packagePath);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PULUMI_CONFIG", null);
            artifact.Delete(recursive: true);
            File.Delete(packagePath);
        }
    }
}
