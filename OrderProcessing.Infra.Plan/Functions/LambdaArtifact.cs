using System.Buffers.Binary;
using System.IO.Compression;
using OrderProcessing.Infra.Plan.Settings;

namespace OrderProcessing.Infra.Plan.Functions;

/// <summary>
/// The Native AOT publish folder every function's code comes from (one executable, <see cref="Executable"/>, for all of
/// them: each function picks its handler by <c>_HANDLER</c>), and the zip package Lambda receives.
/// </summary>
public static class LambdaArtifact
{
    /// <summary>The executable an OS-only runtime starts: Lambda runs <c>/var/task/bootstrap</c>.</summary>
    public const string Executable = "bootstrap";

    /// <summary>The script, run from the repository root, that publishes the executable; without an argument it writes <see cref="DefaultFolder"/>.</summary>
    public const string PublishScript = "scripts/publish-functions.sh";

    /// <summary>The folder <see cref="PublishScript"/> writes by default, which the stack files name as <c>artifactPath</c>.</summary>
    public const string DefaultFolder = "artifacts/functions";

    /// <summary>The command that builds the folder.</summary>
    public const string PublishCommand = "./" + PublishScript;

    // ELF identification and header fields (System V ABI): the magic, 64-bit class, little-endian data, the object type and
    // the machine, which must be what FunctionPlan.Architecture runs.
    private static ReadOnlySpan<byte> ElfMagic => [0x7F, (byte)'E', (byte)'L', (byte)'F'];
    private const int ElfHeaderLength = 20;
    private const byte ElfClass64 = 2;
    private const byte ElfLittleEndian = 1;
    private const ushort ElfExecutable = 2;
    private const ushort ElfSharedObject = 3; // what a position-independent executable, the default on Linux, declares
    private const ushort ElfMachineX86_64 = 0x3E;
    private const ushort ElfMachineAarch64 = 0xB7;

    // Lambda runs the function as a user that owns none of the files: everything must be world-readable, and the
    // executable world-executable (rwxr-xr-x and rw-r--r--).
    private const UnixFileMode ExecutableMode = (UnixFileMode)0b111_101_101;
    private const UnixFileMode FileMode = (UnixFileMode)0b110_100_100;
    private const int UnixRegularFile = 0x8000;

    // Symbols stay beside the executable for debugging and out of the package (size counts against the cold start).
    private static readonly string[] SymbolExtensions = [".dbg", ".pdb"];

    // A fixed entry time: the package's bytes then depend on the files' contents only, so an unchanged build uploads nothing
    // and publishes no version.
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The full path of the configured folder (relative paths are taken from <paramref name="projectRoot"/>, the folder of
    /// <c>Pulumi.yaml</c>). Throws naming <c>artifactPath</c> and <see cref="PublishCommand"/> when the folder holds no
    /// <see cref="Executable"/>, or one that is not an x86-64 Linux executable (an ELF file of another machine, a script, a
    /// leftover of an older build).
    /// </summary>
    public static string Locate(string artifactPath, string projectRoot)
    {
        ArgumentNullException.ThrowIfNull(artifactPath);
        ArgumentNullException.ThrowIfNull(projectRoot);

        var folder = Path.GetFullPath(Path.IsPathRooted(artifactPath) ? artifactPath : Path.Combine(projectRoot, artifactPath));
        var executable = Path.Combine(folder, Executable);
        if (!File.Exists(executable))
        {
            throw Unusable(folder, $"holds no {Executable}");
        }

        var problem = ElfProblem(executable);
        return problem is null ? folder : throw Unusable(folder, problem);
    }

    /// <summary>Where <see cref="Package"/> writes the package of <paramref name="folder"/>: the zip file beside it (<c>artifacts/functions.zip</c> for <c>artifacts/functions</c>).</summary>
    public static string PackagePath(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + ".zip";
    }

    /// <summary>
    /// Writes the deployment package of <paramref name="folder"/> (a folder <see cref="Locate"/> accepted) to
    /// <see cref="PackagePath"/> and returns that full path. Pulumi uploads that file as it is, while a folder given to
    /// Pulumi is zipped without file modes, and Lambda would then refuse to start a <see cref="Executable"/> that is not
    /// executable. Every file except debug symbols goes in, with Unix modes Lambda can use; the same files always give the
    /// same bytes.
    /// </summary>
    public static string Package(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (OperatingSystem.IsWindows())
        {
            // The modes are Unix attributes of the entries, which a zip written on Windows does not carry.
            throw new PlatformNotSupportedException(
                $"The Lambda package records {Executable} as executable in Unix file attributes, which a zip written on Windows cannot carry. Deploy from Linux or macOS (WSL on Windows).");
        }

        var root = Path.GetFullPath(folder);
        var package = PackagePath(root);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => !SymbolExtensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            .Select(path => (Path: path, Name: Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();

        using (var output = File.Create(package))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(file.Name, CompressionLevel.SmallestSize);
                entry.LastWriteTime = EntryTime;
                var mode = file.Name == Executable || ElfProblem(file.Path) is null ? ExecutableMode : FileMode;
                entry.ExternalAttributes = (UnixRegularFile | (int)mode) << 16;
                using var content = File.OpenRead(file.Path);
                using var target = entry.Open();
                content.CopyTo(target);
            }
        }

        return package;
    }

    private static StackSettingsException Unusable(string folder, string problem) =>
        new(SettingKeys.ArtifactPath, $"points to '{folder}', which {problem}. Build it first: {PublishCommand} (writes {DefaultFolder}), then point {SettingKeys.Qualified(SettingKeys.ArtifactPath)} at that folder.");

    // Null when the file is a 64-bit little-endian x86-64 ELF executable; otherwise what it is instead.
    private static string? ElfProblem(string path)
    {
        Span<byte> header = stackalloc byte[ElfHeaderLength];
        int read;
        using (var file = File.OpenRead(path))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header[..ElfMagic.Length].SequenceEqual(ElfMagic))
        {
            return $"has a {Executable} that is not an ELF executable (no ELF magic bytes)";
        }

        if (header[4] != ElfClass64 || header[5] != ElfLittleEndian)
        {
            return $"has a {Executable} that is not a 64-bit little-endian ELF file";
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(header[16..]);
        if (type is not (ElfExecutable or ElfSharedObject))
        {
            return $"has a {Executable} that is an ELF file of type {type}, not an executable";
        }

        var machine = BinaryPrimitives.ReadUInt16LittleEndian(header[18..]);
        return machine switch
        {
            ElfMachineX86_64 => null,
            ElfMachineAarch64 => $"has a {Executable} built for arm64, while the functions run on {FunctionPlan.Architecture}",
            _ => $"has a {Executable} built for ELF machine 0x{machine:X}, while the functions run on {FunctionPlan.Architecture}",
        };
    }
}
