using OrderProcessing.Functions.Storage;
using OrderProcessing.Functions.Topology;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// The environment variables the local functions read, as Lambda would set them: the deployment stage is <c>local</c>,
/// tables and the bucket get their physical names from the options, endpoints point at the chosen servers.
/// </summary>
public static class LocalSettings
{
    /// <summary>The deployment stage the local functions report in logs and metrics.</summary>
    public const string Environment = "local";

    /// <summary>Setting name to value, for <paramref name="options"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(LocalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettingNames.Environment] = Environment,
            [StorageSchema.Invoices.EnvironmentVariable] = options.Bucket,
        };
        foreach (var table in StorageSchema.Tables)
        {
            settings[table.EnvironmentVariable] = TableName(options, table);
        }

        if (options.DynamoDbEndpoint is { } dynamo)
        {
            settings[SettingNames.DynamoDbEndpoint] = dynamo.ToString().TrimEnd('/');
        }

        if (options.S3Endpoint is { } s3)
        {
            settings[SettingNames.S3Endpoint] = s3.ToString().TrimEnd('/');
        }

        return settings;
    }

    /// <summary>The physical name of <paramref name="table"/>: the prefix and its logical name.</summary>
    public static string TableName(LocalOptions options, TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(table);
        return options.TablePrefix + table.LogicalName;
    }
}
