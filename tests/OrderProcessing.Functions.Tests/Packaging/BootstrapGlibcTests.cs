using System.Diagnostics;
using System.Text.RegularExpressions;
using OrderProcessing.DevTools;

namespace OrderProcessing.Functions.Tests.Packaging;

/// <summary>
/// The published <c>bootstrap</c> runs on Lambda's provided.al2023, whose Amazon Linux 2023 has glibc 2.34: the binary
/// must not need a symbol version newer than that, or it fails to start in AWS while running fine here.
/// </summary>
public sealed partial class BootstrapGlibcTests
{
    /// <summary>The glibc of Amazon Linux 2023, the OS of Lambda's provided.al2023 runtime.</summary>
    private static readonly Version AmazonLinux2023Glibc = new(2, 34);

    private static string Binary => Path.Combine(RepositoryRoot.Path, "artifacts", "functions", "bootstrap");

    [Test]
    public void PublishedBootstrap_NeedsNoGlibcNewerThanAmazonLinux2023s()
    {
        if (!File.Exists(Binary))
        {
            Assert.Fail($"{Binary} is missing: run scripts/publish-functions.sh first (scripts/test.sh runs it before the tests).");
        }

        var required = RequiredGlibc(ReadElfVersionInfo(Binary));

        Assert.That(required, Is.Not.Empty, "readelf found no GLIBC version needs: the binary is not what this test expects");
        Assert.That(required.Where(v => v > AmazonLinux2023Glibc), Is.Empty, $"bootstrap needs glibc versions {string.Join(", ", required)}; Amazon Linux 2023 has {AmazonLinux2023Glibc}");
    }

    [Test]
    public void RequiredGlibc_ReadsEveryVersionNeededFromReadelfOutput()
    {
        const string output = """
            Version needs section '.gnu.version_r' contains 2 entries:
             Addr: 0x0000000000001234  Offset: 0x001234  Link: 7 (.dynstr)
              000000: Version: 1  File: libm.so.6  Cnt: 1
              0x0010:   Name: GLIBC_2.2.5  Flags: none  Version: 5
              0x0020: Version: 1  File: libc.so.6  Cnt: 3
              0x0030:   Name: GLIBC_2.38  Flags: none  Version: 4
              0x0040:   Name: GLIBC_2.34  Flags: none  Version: 3
              0x0050:   Name: GLIBC_PRIVATE  Flags: none  Version: 2
            """;

        var required = RequiredGlibc(output);

        Assert.That(required, Is.EqualTo(new[] { new Version(2, 2, 5), new Version(2, 34), new Version(2, 38) }));
        Assert.That(required.Where(v => v > AmazonLinux2023Glibc), Is.EqualTo(new[] { new Version(2, 38) }));
    }

    // Only the version needs (what the binary asks of the system's libraries), not the versions it defines itself.
    private static List<Version> RequiredGlibc(string readelfOutput)
    {
        var start = readelfOutput.IndexOf("Version needs section", StringComparison.Ordinal);
        if (start < 0)
        {
            return [];
        }

        var section = readelfOutput[start..];
        var end = section.IndexOf("\n\n", StringComparison.Ordinal);
        return [.. GlibcVersion().Matches(end < 0 ? section : section[..end]).Select(m => Version.Parse(m.Groups[1].Value)).Distinct().Order()];
    }

    private static string ReadElfVersionInfo(string binary)
    {
        using var readelf = Process.Start(new ProcessStartInfo("readelf", ["--version-info", "--wide", binary])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("readelf (binutils) could not be started.");
        var output = readelf.StandardOutput.ReadToEnd();
        var errors = readelf.StandardError.ReadToEnd();
        readelf.WaitForExit();
        return readelf.ExitCode == 0 ? output : throw new InvalidOperationException($"readelf failed ({readelf.ExitCode}): {errors}");
    }

    [GeneratedRegex(@"Name: GLIBC_(\d+(?:\.\d+)+)")]
    private static partial Regex GlibcVersion();
}
