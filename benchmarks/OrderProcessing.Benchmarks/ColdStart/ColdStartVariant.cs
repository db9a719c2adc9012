namespace OrderProcessing.Benchmarks.ColdStart;

/// <summary>One build of the same <c>bootstrap</c> program: its publish folder, whose executable <c>bootstrap</c> is started.</summary>
/// <param name="Name">Short name for tables (aot, jit, r2r).</param>
/// <param name="Description">How it was built, in words.</param>
/// <param name="PublishFolder">The <c>dotnet publish</c> output.</param>
public sealed record ColdStartVariant(string Name, string Description, string PublishFolder)
{
    /// <summary>The baseline every ratio is taken against.</summary>
    public const string PlainJit = "jit";

    /// <summary>The executable Lambda starts (<c>provided.al2023</c> runs <c>bootstrap</c>).</summary>
    public string Executable => Path.Combine(PublishFolder, "bootstrap");

    /// <summary>The three builds compared: Native AOT, plain JIT, ReadyToRun (the last two framework-dependent).</summary>
    public static IReadOnlyList<ColdStartVariant> Standard(string aotFolder, string jitFolder, string readyToRunFolder) =>
    [
        new("aot", "Native AOT (`PublishAot`, as the functions ship)", aotFolder),
        new(PlainJit, "plain JIT (`-p:PublishAot=false`, framework-dependent)", jitFolder),
        new("r2r", "ReadyToRun (`-p:PublishAot=false -p:PublishReadyToRun=true`, framework-dependent)", readyToRunFolder),
    ];
}
