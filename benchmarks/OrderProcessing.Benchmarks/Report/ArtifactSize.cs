namespace OrderProcessing.Benchmarks.Report;

/// <summary>One build's deployment artifact.</summary>
/// <param name="Name">The build (aot, jit, r2r).</param>
/// <param name="FolderBytes">Its publish folder.</param>
/// <param name="ZipBytes">The folder zipped with <c>zip -qr9</c>: what Lambda's package size counts.</param>
public sealed record ArtifactSize(string Name, long FolderBytes, long ZipBytes);
