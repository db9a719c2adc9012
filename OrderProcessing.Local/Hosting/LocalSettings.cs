using System.Globalization;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// The environment variables the local functions read, as Lambda would set them: the deployment stage is <c>local</c>,
/// tables and the bucket get their physical names from the options, endpoints point at the chosen servers.
/// </summary>
public static class LocalSettings
{
    /// <summary>The deployment stage the local functions report in logs and metrics.</summary>
    public const string Environment = "local";

    /// <summary>Lifetime of presigned invoice links, as the stacks set it.</summary>
    public const int InvoiceLinkSeconds = 300;

    /// <summary>The sender of the local customer e-mails.</summary>
    public const string MailSender = "OrderProcessing Demo Store <shop@orderprocessing.local>";

    /// <summary>Setting name to value, for <paramref name="options"/>.</summary>
    public static IReadOnlyDictionary<string, string> For(LocalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string>(Names(options).ToSettings(), StringComparer.Ordinal)
        {
            [SettingNames.Environment] = Environment,
            [SettingNames.CorsAllowOrigin] = options.CorsOrigin ?? OwnOrigin(options),
            [SettingNames.InvoiceLinkSeconds] = InvoiceLinkSeconds.ToString(CultureInfo.InvariantCulture),
            [SettingNames.MailSender] = MailSender,
            [SettingNames.ApiAuth] = "none", // wt-authz: keeps the host working until its token checks set "cognito"
        };

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

    /// <summary>
    /// The environment of <paramref name="function"/>'s process: of <paramref name="settings"/> only those it declares (as
    /// Lambda gives each function only its own), and the host's AWS credentials, or dummy ones a local server accepts.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ForProcess(FunctionDefinition function, IReadOnlyDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(settings);
        var declared = function.Settings.Concat(function.OptionalSettings).ToHashSet(StringComparer.Ordinal);
        var environment = settings.Where(s => declared.Contains(s.Key)).ToDictionary(StringComparer.Ordinal);
        environment["AWS_ACCESS_KEY_ID"] = System.Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") ?? "local";
        environment["AWS_SECRET_ACCESS_KEY"] = System.Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY") ?? "local";
        if (System.Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN") is { } token)
        {
            environment["AWS_SESSION_TOKEN"] = token;
        }

        return environment;
    }

    /// <summary>The physical names: the table prefix and each table's logical name; the bucket as given.</summary>
    public static StorageNames Names(LocalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StorageNames.Prefixed(options.TablePrefix).WithBucket(StorageSchema.Invoices, options.Bucket);
    }

    // The page is served by the host itself, so same-origin calls need no CORS; naming the host's own origin keeps every
    // other site out. With port 0 the port is not known yet: the bare loopback origin then matches nothing.
    private static string OwnOrigin(LocalOptions options) =>
        options.Port == 0 ? "http://127.0.0.1" : $"http://127.0.0.1:{options.Port.ToString(CultureInfo.InvariantCulture)}";
}
