using System.Text;
using System.Text.RegularExpressions;

namespace OrderProcessing.Benchmarks.Report;

/// <summary>Deployment artifact sizes of each build of the <c>bootstrap</c> program, and what glibc the Native AOT one needs.</summary>
/// <param name="Builds">Each build's publish folder and its zip.</param>
/// <param name="AotGlibc">The newest <c>GLIBC_x.y</c> symbol version the Native AOT executable references (null when not measured).</param>
public sealed partial record SizeResult(IReadOnlyList<ArtifactSize> Builds, string? AotGlibc)
{
    /// <summary>
    /// Measures each folder and the zip beside it (<c>FOLDER.zip</c>, made by <c>zip -qr9</c>), and the glibc versions the
    /// <c>bootstrap</c> in <paramref name="aotFolder"/> references.
    /// </summary>
    public static SizeResult Measure(IReadOnlyList<(string Name, string Folder)> builds, string? aotFolder)
    {
        ArgumentNullException.ThrowIfNull(builds);
        var sizes = builds.Select(b => new ArtifactSize(b.Name, FolderBytes(b.Folder), new FileInfo(b.Folder.TrimEnd('/') + ".zip").Length)).ToList();
        return new SizeResult(sizes, aotFolder is null ? null : NewestGlibc(File.ReadAllBytes(Path.Combine(aotFolder, "bootstrap"))));
    }

    /// <summary>
    /// The newest <c>GLIBC_x.y[.z]</c> version named in an ELF file's bytes (its version-needed strings), or null. Amazon
    /// Linux 2023 has glibc 2.34, so a binary naming a newer version would not load there.
    /// </summary>
    public static string? NewestGlibc(ReadOnlySpan<byte> elf) => GlibcVersion().Matches(Encoding.Latin1.GetString(elf))
        .Select(m => m.Groups[1].Value)
        .Distinct(StringComparer.Ordinal)
        .Select(v => (Text: v, Version: Version.Parse(v.Count(c => c == '.') == 0 ? v + ".0" : v)))
        .OrderByDescending(v => v.Version)
        .Select(v => "GLIBC_" + v.Text)
        .FirstOrDefault();

    private static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);

    [GeneratedRegex(@"GLIBC_(\d+\.\d+(?:\.\d+)?)\x00")]
    private static partial Regex GlibcVersion();
}
