using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Naming;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Functions;

/// <summary>
/// Maps the settings a function declares in the topology to values: table names, bucket names, the environment and the
/// deployment settings the functions read (<see cref="SettingNames"/>). A setting nobody can provide fails the plan, naming it,
/// instead of reaching Lambda as an empty string.
/// </summary>
public static class FunctionEnvironment
{
    /// <summary>
    /// The environment variables of <paramref name="function"/>: exactly its declared settings. Bucket names are generated
    /// by S3, so they come from <paramref name="bucketName"/>; everything else is known in advance and comes through
    /// <paramref name="literal"/>, except the shop page's origin when the stack allows only that (its CloudFront URL exists only
    /// once deployed), which comes from <paramref name="shopOrigin"/>.
    /// </summary>
    public static IReadOnlyDictionary<string, TValue> Resolve<TValue>(
        FunctionDefinition function,
        StackSettings settings,
        ResourceNames names,
        Func<string, TValue> literal,
        Func<BucketSchema, TValue> bucketName,
        Func<TValue>? shopOrigin = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(literal);
        ArgumentNullException.ThrowIfNull(bucketName);

        var values = new Dictionary<string, TValue>(StringComparer.Ordinal);
        foreach (var setting in function.Settings)
        {
            var table = StorageSchema.Tables.FirstOrDefault(t => t.EnvironmentVariable == setting);
            var bucket = StorageSchema.Buckets.FirstOrDefault(b => b.EnvironmentVariable == setting);
            values[setting] = setting switch
            {
                _ when table is not null => literal(names.Table(table)),
                _ when bucket is not null => bucketName(bucket),
                SettingNames.Environment => literal(settings.Environment),
                SettingNames.InvoiceLinkSeconds => literal(settings.InvoiceLinkSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                SettingNames.CorsAllowOrigin when settings.CorsAllowsShopOnly => shopOrigin is not null
                    ? shopOrigin()
                    : throw new InvalidOperationException($"Function '{function.Name}' allows only the shop page's origin, which the deployment did not provide."),
                SettingNames.CorsAllowOrigin => literal(settings.CorsAllowOrigin),
                SettingNames.ApiAuth => literal(settings.ApiAuth.Spelling()),
                SettingNames.MailSender => literal(settings.MailSender),
                _ => throw new InvalidOperationException(
                    $"Function '{function.Name}' reads setting '{setting}', which the deployment cannot provide. Map it in {nameof(FunctionEnvironment)}, or remove it from the topology."),
            };
        }

        // Optional settings the deployment does know: the customer e-mail's configuration set (bounces and complaints).
        if (function.OptionalSettings.Contains(SettingNames.MailConfigurationSet))
        {
            values[SettingNames.MailConfigurationSet] = literal(names.MailConfigurationSet);
        }

        return values;
    }
}
