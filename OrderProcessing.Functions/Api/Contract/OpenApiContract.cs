namespace OrderProcessing.Functions.Api.Contract;

/// <summary>
/// The HTTP API's OpenAPI 3.1 document, <c>contracts/http-api/v1/openapi.json</c> at the repository root, embedded in this
/// assembly so the function serves exactly the file the tests check against the route table, the problem types and the
/// resources' JSON.
/// </summary>
internal static class OpenApiContract
{
    /// <summary>The resource's name in this assembly (the project file sets it).</summary>
    public const string ResourceName = "OrderProcessing.Functions.Api.Contract.openapi.json";

    // Read on first use: most invocations never ask for the document, so a cold start does not pay for it.
    private static readonly Lazy<byte[]> Document = new(Read);

    /// <summary>The document as UTF-8 JSON, byte for byte the file.</summary>
    public static ReadOnlyMemory<byte> Utf8 => Document.Value;

    private static byte[] Read()
    {
        using var stream = typeof(OpenApiContract).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(OpenApiContract).Assembly.GetName().Name}.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
