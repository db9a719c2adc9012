namespace OrderProcessing.Local.Hosting;

/// <summary>Where the local host keeps its data.</summary>
public enum StorageMode
{
    /// <summary>In process memory: nothing to install, gone at exit.</summary>
    Memory,

    /// <summary>The DynamoDB and S3 adapters, at any compatible endpoint or in AWS itself.</summary>
    Aws,
}
