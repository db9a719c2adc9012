using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrderProcessing.Core.Tests.Support;
using OrderProcessing.DevTools;

namespace OrderProcessing.Core.Tests.Packaging;

/// <summary>
/// Core is consumable as a NuGet package, not only as a project reference: packed into a temporary folder feed, its
/// nupkg and snupkg carry the metadata, readme, docs and symbols, and a console program built outside the repository
/// against the package (the README's sample, verbatim) runs an order to completion. One pack, one consumer build.
/// </summary>
[TestFixture]
[Category("Package")]
[NonParallelizable]
public partial class PackageTests
{
    private static readonly XNamespace Nuspec = "http://schemas.microsoft.com/packaging/2012/06/nuspec.xsd";
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    private string _repository = null!;
    private string _work = null!;
    private string _version = null!;
    private ChildProcess.Result _pack = null!;
    private string _nupkg = null!;
    private string _snupkg = null!;
    private string _sample = null!;

    [OneTimeSetUp]
    public async Task PackCore()
    {
        _repository = RepositoryRoot.Path;
        _version = XDocument.Load(Path.Combine(_repository, "Directory.Build.props")).Descendants("Version").Single().Value;
        _work = Path.Combine(Path.GetTempPath(), "orderprocessing-package-" + Guid.NewGuid().ToString("N"));
        Assert.That(IsUnder(_work, _repository), Is.False, "the consumer must not inherit the repository's Directory.*.props");
        Directory.CreateDirectory(_work);
        _sample = ReadmeSample(Path.Combine(_repository, "README.md"));

        var feed = Path.Combine(_work, "feed");
        _pack = await Dotnet(_repository, "pack", "OrderProcessing.Core/OrderProcessing.Core.csproj", "-c", "Release", "-o", feed, "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.That(_pack.ExitCode, Is.Zero, _pack.ToString());
        _nupkg = Path.Combine(feed, $"OrderProcessing.Core.{_version}.nupkg");
        _snupkg = Path.Combine(feed, $"OrderProcessing.Core.{_version}.snupkg");
    }

    [OneTimeTearDown]
    public void RemoveWorkDirectory()
    {
        if (_work is not null && Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public void Pack_WritesTheNupkgAndTheSnupkg_WithoutWarnings()
    {
        Assert.That(File.Exists(_nupkg), Is.True, _nupkg);
        Assert.That(File.Exists(_snupkg), Is.True, _snupkg);
        Assert.That(WarningLine().Matches(_pack.Output), Is.Empty, _pack.Output);
    }

    [Test]
    public void Nuspec_CarriesIdVersionDescriptionAuthorsTagsAndTheLicenseExpression()
    {
        var metadata = ReadNuspec(_nupkg);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Element(metadata, "id"), Is.EqualTo("OrderProcessing.Core"));
            Assert.That(Element(metadata, "version"), Is.EqualTo(_version));
            Assert.That(Element(metadata, "description"), Does.Contain("order aggregate"));
            Assert.That(Element(metadata, "authors"), Is.Not.Empty);
            Assert.That(Element(metadata, "tags").Split(' '), Does.Contain("orders").And.Contain("event-driven"));
            Assert.That(Element(metadata, "readme"), Is.EqualTo("README.md"));
            Assert.That(Element(metadata, "projectUrl"), Is.EqualTo("https://github.com/orderprocessing/orderprocessing"));
            var license = metadata.Element(Nuspec + "license")!;
            Assert.That(license.Attribute("type")?.Value, Is.EqualTo("expression"));
            Assert.That(license.Value, Is.EqualTo("MIT"));
        }
    }

    [Test]
    public async Task Nuspec_NamesTheRepositoryAndTheCommitItWasBuiltFrom()
    {
        var head = await ChildProcess.RunAsync("git", ["rev-parse", "HEAD"], _repository);
        Assert.That(head.ExitCode, Is.Zero, head.ToString());

        var repository = ReadNuspec(_nupkg).Element(Nuspec + "repository")!;

        Assert.That(repository.Attribute("type")?.Value, Is.EqualTo("git"));
        Assert.That(repository.Attribute("url")?.Value, Is.EqualTo("https://github.com/orderprocessing/orderprocessing"));
        Assert.That(repository.Attribute("commit")?.Value, Is.EqualTo(head.Output.Trim()));
    }

    [Test]
    public void Nuspec_DependsOnNoPackage_CoreIsPureDotNet()
    {
        var groups = ReadNuspec(_nupkg).Element(Nuspec + "dependencies")!.Elements(Nuspec + "group").ToList();

        Assert.That(groups.Select(g => g.Attribute("targetFramework")?.Value), Is.EqualTo(new[] { "net10.0" }));
        Assert.That(groups.SelectMany(g => g.Elements()), Is.Empty);
    }

    [Test]
    public void Package_HoldsTheAssembly_AndXmlDocsOfThePublicApi()
    {
        using var zip = ZipFile.OpenRead(_nupkg);

        Assert.That(zip.GetEntry("lib/net10.0/OrderProcessing.Core.dll"), Is.Not.Null);
        var docs = XDocument.Load(zip.GetEntry("lib/net10.0/OrderProcessing.Core.xml")!.Open());
        var documented = docs.Descendants("member").Select(m => m.Attribute("name")!.Value).ToHashSet();
        Assert.That(documented, Does.Contain("T:OrderProcessing.Core.Orders.Order"));
        Assert.That(documented, Does.Contain("T:OrderProcessing.Core.Orders.OrderService"));
        Assert.That(documented, Does.Contain("T:OrderProcessing.Core.Pricing.Money"));
        Assert.That(documented.Count(n => n.StartsWith("M:OrderProcessing.Core.Orders.OrderService.", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(8));
    }

    [Test]
    public void Package_HoldsTheReadme_ShowingTheSampleThatIsCompiledHere()
    {
        using var zip = ZipFile.OpenRead(_nupkg);
        using var reader = new StreamReader(zip.GetEntry("README.md")!.Open());

        var readme = reader.ReadToEnd().ReplaceLineEndings("\n");

        Assert.That(readme, Does.StartWith("# OrderProcessing.Core"));
        Assert.That(readme, Does.Contain(_sample), "the package readme's sample is the one the consumer test compiles");
    }

    [Test]
    public void SymbolsPackage_HoldsAPortablePdb_WithSourceLinkToTheRepositoryAtTheCommit()
    {
        using var zip = ZipFile.OpenRead(_snupkg);
        using var pdb = new MemoryStream();
        zip.GetEntry("lib/net10.0/OrderProcessing.Core.pdb")!.Open().CopyTo(pdb);
        pdb.Position = 0;
        var commit = ReadNuspec(_nupkg).Element(Nuspec + "repository")!.Attribute("commit")!.Value;

        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();
        var sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .Single();

        Assert.That(sourceLink, Does.Contain($"https://raw.githubusercontent.com/orderprocessing/orderprocessing/{commit}/"));
    }

    [Test]
    public async Task Consumer_BuiltAgainstThePackageFromTheFeed_RunsAnOrderToCompletion()
    {
        var consumer = Path.Combine(_work, "consumer");
        var packages = Path.Combine(_work, "packages");
        Directory.CreateDirectory(consumer);
        WriteConsumer(consumer, Path.Combine(_work, "feed"));
        var environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = packages };

        var build = await Dotnet(consumer, environment, "build", "-c", "Release", "-nodeReuse:false", "-p:UseSharedCompilation=false");
        Assert.That(build.ExitCode, Is.Zero, build.ToString());
        Assert.That(WarningLine().Matches(build.Output), Is.Empty, build.Output);

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json")));
        var library = assets.RootElement.GetProperty("libraries").GetProperty($"OrderProcessing.Core/{_version}");
        Assert.That(library.GetProperty("type").GetString(), Is.EqualTo("package"), "a package reference, not a project reference");
        Assert.That(File.Exists(Path.Combine(packages, "orderprocessing.core", _version, "lib", "net10.0", "OrderProcessing.Core.dll")), Is.True, "restored from the feed");

        var run = await Dotnet(consumer, environment, Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"));
        Assert.That(run.ExitCode, Is.Zero, run.ToString());
        Assert.That(run.Output.Trim(), Does.Match(@"^COMPLETED 19\.98 USD, invoice PDF of [1-9][0-9]+ bytes$"));
    }

    private void WriteConsumer(string directory, string feed)
    {
        // Guards against Directory.*.props or global.json further up the temporary directory.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="OrderProcessing.Core" Version="{_version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="orderprocessing-feed" value="{feed}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="orderprocessing-feed">
                  <package pattern="OrderProcessing.Core" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), _sample);
    }

    private static Task<ChildProcess.Result> Dotnet(string directory, params string[] arguments) =>
        Dotnet(directory, null, arguments);

    private static Task<ChildProcess.Result> Dotnet(string directory, IReadOnlyDictionary<string, string>? environment, params string[] arguments) =>
        ChildProcess.RunAsync(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", arguments, directory, environment, TimeSpan.FromMinutes(8));

    // The first C# block of the README's NuGet section: the sample a user copies.
    private static string ReadmeSample(string readme)
    {
        var text = File.ReadAllText(readme).ReplaceLineEndings("\n");
        var section = text[text.IndexOf("<!-- section: nuget -->", StringComparison.Ordinal)..text.IndexOf("<!-- /section: nuget -->", StringComparison.Ordinal)];
        var block = CSharpBlock().Match(section);
        Assert.That(block.Success, Is.True, "the README's NuGet section has a C# sample");
        return block.Groups[1].Value;
    }

    private static XElement ReadNuspec(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        return XDocument.Load(zip.GetEntry("OrderProcessing.Core.nuspec")!.Open()).Root!.Element(Nuspec + "metadata")!;
    }

    private static string Element(XElement metadata, string name) => metadata.Element(Nuspec + name)?.Value ?? "";

    private static bool IsUnder(string path, string root) =>
        Path.GetFullPath(path).StartsWith(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    [GeneratedRegex(@": warning [A-Z]*[0-9]*\s*:|\bwarning [A-Z]+[0-9]+:|: warning :", RegexOptions.IgnoreCase)]
    private static partial Regex WarningLine();

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
