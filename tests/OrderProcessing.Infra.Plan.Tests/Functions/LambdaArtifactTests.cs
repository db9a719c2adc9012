using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text;
using OrderProcessing.Infra.Plan.Functions;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;

namespace OrderProcessing.Infra.Plan.Tests.Functions;

public sealed class LambdaArtifactTests
{
    // rwxr-xr-x and rw-r--r--, as Lambda needs them: it runs the code as a user that owns none of the files.
    private const int ExecutableMode = 0b111_101_101;
    private const int ReadableMode = 0b110_100_100;

    private DirectoryInfo _root = null!;

    private string Folder => Path.Combine(_root.FullName, "artifacts", "functions");

    [SetUp]
    public void CreateRoot() => _root = Directory.CreateTempSubdirectory("op-artifact-");

    [TearDown]
    public void DeleteRoot() => _root.Delete(recursive: true);

    private static IEnumerable<TestCaseData> UnusableExecutables()
    {
        yield return Case("shell script", Encoding.ASCII.GetBytes("#!/bin/sh\nexec ./OrderProcessing.Functions\n"), "not an ELF executable");
        yield return Case("empty file", [], "not an ELF executable");
        yield return Case("arm64 build", PublishedFolder.Elf(PublishedFolder.Aarch64), "built for arm64, while the functions run on x86_64");
        yield return Case("other machine", PublishedFolder.Elf(machine: 0x28), "ELF machine 0x28");
        yield return Case("object file", PublishedFolder.Elf(type: PublishedFolder.Relocatable), "not an executable");

        static TestCaseData Case(string what, byte[] bootstrap, string problem) =>
            new TestCaseData(bootstrap, problem).SetArgDisplayNames(what);
    }

    [Test]
    public void PublishedFolder_IsFoundRelativeToTheProjectRoot()
    {
        PublishedFolder.Create(Folder);

        Assert.That(LambdaArtifact.Locate("artifacts/functions", _root.FullName), Is.EqualTo(Folder));
    }

    [Test]
    public void UnpublishedFolder_FailsNamingTheSettingAndThePublishScript()
    {
        var error = Assert.Throws<StackSettingsException>(() => LambdaArtifact.Locate("artifacts/functions", _root.FullName));

        Assert.That(error.Message, Does.Contain("order-processing:artifactPath").And.Contain("scripts/publish-functions.sh").And.Contain("holds no bootstrap"));
    }

    [Test]
    public void ReadyToRunFolder_FailsNamingTheSettingAndThePublishScript()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "OrderProcessing.Functions.dll"), "");

        var error = Assert.Throws<StackSettingsException>(() => LambdaArtifact.Locate("artifacts/functions", _root.FullName));

        Assert.That(error.Message, Does.Contain("order-processing:artifactPath").And.Contain("scripts/publish-functions.sh").And.Contain("holds no bootstrap"));
    }

    [TestCaseSource(nameof(UnusableExecutables))]
    public void UnusableBootstrap_FailsNamingTheSettingTheProblemAndThePublishScript(byte[] bootstrap, string problem)
    {
        PublishedFolder.Create(Folder, bootstrap);

        var error = Assert.Throws<StackSettingsException>(() => LambdaArtifact.Locate("artifacts/functions", _root.FullName));

        Assert.That(error.Message, Does.Contain("order-processing:artifactPath").And.Contain(problem).And.Contain("scripts/publish-functions.sh"));
    }

    [Test]
    public void Package_IsTheZipBesideTheFolder()
    {
        PublishedFolder.Create(Folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(LambdaArtifact.Package(Folder), Is.EqualTo(Folder + ".zip"));
            Assert.That(LambdaArtifact.PackagePath(Folder + "/"), Is.EqualTo(Folder + ".zip"));
        }
    }

    [Test]
    public void Package_HoldsTheBootstrapExecutableForEveryone()
    {
        var folder = PublishedFolder.Create(Folder);

        using var zip = ZipFile.OpenRead(LambdaArtifact.Package(Folder));
        var entry = zip.GetEntry(LambdaArtifact.Executable);

        Assert.That(entry, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(UnixMode(entry!), Is.EqualTo(ExecutableMode), "rwxr-xr-x");
            Assert.That(entry!.ExternalAttributes >>> 16 & 0xF000, Is.EqualTo(0x8000), "a regular file");
            Assert.That(Read(entry), Is.EqualTo(File.ReadAllBytes(Path.Combine(folder.FullName, LambdaArtifact.Executable))));
        }
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Package_ExtractedOnLinux_LeavesBootstrapExecutable()
    {
        PublishedFolder.Create(Folder);
        var task = Path.Combine(_root.FullName, "task");

        // ZipFile applies the entries' Unix modes when it extracts on Unix, as unzip does.
        ZipFile.ExtractToDirectory(LambdaArtifact.Package(Folder), task);

        Assert.That(File.GetUnixFileMode(Path.Combine(task, LambdaArtifact.Executable)), Is.EqualTo((UnixFileMode)ExecutableMode));
    }

    [Test]
    public void Package_OtherFiles_AreReadableAndNotExecutable()
    {
        PublishedFolder.Create(Folder);
        File.WriteAllText(Path.Combine(Folder, "notice.txt"), "third-party notices");

        using var zip = ZipFile.OpenRead(LambdaArtifact.Package(Folder));

        Assert.That(UnixMode(zip.GetEntry("notice.txt")!), Is.EqualTo(ReadableMode));
    }

    [Test]
    public void Package_DebugSymbols_AreLeftOut()
    {
        PublishedFolder.Create(Folder);
        File.WriteAllBytes(Path.Combine(Folder, "bootstrap.dbg"), PublishedFolder.Elf());

        using var zip = ZipFile.OpenRead(LambdaArtifact.Package(Folder));

        Assert.That(zip.Entries.Select(e => e.FullName), Is.EqualTo(new[] { LambdaArtifact.Executable }));
    }

    [Test]
    [UnsupportedOSPlatform("windows")]
    public void Package_SameFilesRewritten_HasTheSameBytes()
    {
        PublishedFolder.Create(Folder);
        var first = File.ReadAllBytes(LambdaArtifact.Package(Folder));

        // A rebuild that produces the same executable, on a machine with another umask: new modification time and mode.
        var executable = Path.Combine(Folder, LambdaArtifact.Executable);
        File.SetLastWriteTimeUtc(executable, DateTime.UtcNow.AddHours(1));
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var second = File.ReadAllBytes(LambdaArtifact.Package(Folder));

        Assert.That(second, Is.EqualTo(first), "an unchanged build must not change the uploaded code, or every deployment publishes a version");
    }

    [Test]
    public void Package_ChangedExecutable_HasOtherBytes()
    {
        PublishedFolder.Create(Folder);
        var first = File.ReadAllBytes(LambdaArtifact.Package(Folder));
        PublishedFolder.Create(Folder, [.. PublishedFolder.Elf(), 0x2A]);

        Assert.That(File.ReadAllBytes(LambdaArtifact.Package(Folder)), Is.Not.EqualTo(first));
    }

    private static int UnixMode(ZipArchiveEntry entry) => entry.ExternalAttributes >>> 16 & 0x1FF;

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var content = entry.Open();
        using var copy = new MemoryStream();
        content.CopyTo(copy);
        return copy.ToArray();
    }
}
