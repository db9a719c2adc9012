namespace OrderProcessing.Benchmarks.Report;

/// <summary>Deployment artifact sizes: the publish folder and its zip (<c>zip -qr9</c>), plain and ReadyToRun.</summary>
public sealed record SizeResult(long PlainFolderBytes, long PlainZipBytes, long ReadyToRunFolderBytes, long ReadyToRunZipBytes)
{
    /// <summary>Measures the folders and zips.</summary>
    public static SizeResult Measure(string plainFolder, string plainZip, string readyToRunFolder, string readyToRunZip) => new(
        FolderBytes(plainFolder), new FileInfo(plainZip).Length, FolderBytes(readyToRunFolder), new FileInfo(readyToRunZip).Length);

    private static long FolderBytes(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
}
