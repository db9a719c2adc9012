namespace OrderProcessing.Topology.Storage;

/// <summary>An S3 bucket as data: its logical name, the setting that carries its physical name, and the key prefix the system writes under.</summary>
public sealed record BucketSchema(string LogicalName, string EnvironmentVariable, string KeyPrefix);
