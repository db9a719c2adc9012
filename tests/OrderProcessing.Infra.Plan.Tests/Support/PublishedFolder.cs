using System.Buffers.Binary;
using OrderProcessing.Infra.Plan.Functions;

namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>
/// Stand-ins for the folder <c>scripts/publish-functions.sh</c> writes: files that begin with the ELF header of an
/// executable, which is all <see cref="LambdaArtifact"/> reads of them.
/// </summary>
public static class PublishedFolder
{
    /// <summary>ELF machine of x86-64.</summary>
    public const ushort X86_64 = 0x3E;

    /// <summary>ELF machine of arm64.</summary>
    public const ushort Aarch64 = 0xB7;

    /// <summary>ELF type of a position-independent executable.</summary>
    public const ushort SharedObject = 3;

    /// <summary>ELF type of a relocatable object file (not runnable).</summary>
    public const ushort Relocatable = 1;

    /// <summary>The first bytes of a 64-bit little-endian ELF file of <paramref name="type"/> for <paramref name="machine"/>, and some content.</summary>
    public static byte[] Elf(ushort machine = X86_64, ushort type = SharedObject)
    {
        var bytes = new byte[256];
        bytes[0] = 0x7F;
        bytes[1] = (byte)'E';
        bytes[2] = (byte)'L';
        bytes[3] = (byte)'F';
        bytes[4] = 2; // 64-bit
        bytes[5] = 1; // little-endian
        bytes[6] = 1; // ELF version
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(18), machine);
        for (var i = 64; i < bytes.Length; i++)
        {
            bytes[i] = (byte)i;
        }

        return bytes;
    }

    /// <summary>Creates <paramref name="folder"/> holding a <c>bootstrap</c> with <paramref name="bootstrap"/> (an x86-64 executable by default).</summary>
    public static DirectoryInfo Create(string folder, byte[]? bootstrap = null)
    {
        var directory = Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(directory.FullName, LambdaArtifact.Executable), bootstrap ?? Elf());
        return directory;
    }
}
