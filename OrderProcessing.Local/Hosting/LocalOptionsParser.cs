using System.Globalization;
using System.Net;
using System.Text;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Reads <see cref="LocalOptions"/> from environment variables (<c>ORDERPROCESSING_PORT</c>, ...) and then command-line
/// options (<c>--port 5080</c> or <c>--port=5080</c>), the command line winning. Unknown options and bad values fail
/// fast, naming the option: a typo never silently falls back to a default.
/// </summary>
public static class LocalOptionsParser
{
    private static readonly Option[] Options =
    [
        new("--port", "ORDERPROCESSING_PORT", "PORT", $"HTTP port (default {LocalOptions.DefaultPort}; 0 picks a free port)", (o, v) => o with { Port = ParsePort(v) }),
        new("--bind", "ORDERPROCESSING_BIND", "ADDRESS", "address to listen on (default 127.0.0.1; 0.0.0.0 exposes the host to the network)", (o, v) => o with { Bind = ParseAddress(v) }),
        new("--storage", "ORDERPROCESSING_STORAGE", "memory|aws", "in-memory stores (default) or the DynamoDB and S3 adapters", (o, v) => o with { Storage = ParseStorage(v) }),
        new("--dynamodb-endpoint", "ORDERPROCESSING_DYNAMODB_ENDPOINT", "URL", "DynamoDB endpoint for --storage aws (dynalite, LocalStack; default AWS)", (o, v) => o with { DynamoDbEndpoint = ParseUri(v) }),
        new("--s3-endpoint", "ORDERPROCESSING_S3_ENDPOINT", "URL", "S3 endpoint for --storage aws (s3rver, LocalStack; default AWS)", (o, v) => o with { S3Endpoint = ParseUri(v) }),
        new("--region", "ORDERPROCESSING_REGION", "REGION", "AWS region (default us-east-1)", (o, v) => o with { Region = NonEmpty(v) }),
        new("--table-prefix", "ORDERPROCESSING_TABLE_PREFIX", "PREFIX", "prefix of the table names (default orderprocessing-local-)", (o, v) => o with { TablePrefix = NonEmpty(v) }),
        new("--bucket", "ORDERPROCESSING_BUCKET", "NAME", "invoices bucket (default orderprocessing-local-invoices)", (o, v) => o with { Bucket = NonEmpty(v) }),
        new("--create-tables", "ORDERPROCESSING_CREATE_TABLES", null, "create the schema's tables and bucket when missing (--storage aws)", (o, v) => o with { CreateTables = ParseBool(v) }),
        new("--seed", "ORDERPROCESSING_SEED", null, "put the demo catalog at start (default: in memory, or with --create-tables)", (o, v) => o with { Seed = ParseBool(v) }),
        new("--no-seed", null, null, "do not put the demo catalog", (o, _) => o with { Seed = false }),
        new("--cors-origin", "ORDERPROCESSING_CORS_ORIGIN", "ORIGIN", "browser origin allowed to call the API from another page, or * (default: only the host's own)", (o, v) => o with { CorsOrigin = NonEmpty(v) }),
        new("--notifications-file", "ORDERPROCESSING_NOTIFICATIONS_FILE", "PATH", "JSON-lines file of customer notifications (default under the temp directory)", (o, v) => o with { NotificationsFile = NonEmpty(v) }),
        new("--delivery-delay-ms", "ORDERPROCESSING_DELIVERY_DELAY_MS", "MS", "delay of each change in its stage queue, standing in for cloud latency (default 1000; 0 for none)", (o, v) => o with { DeliveryDelay = ParseMilliseconds(v, allowZero: true) }),
        new("--retry-delay-ms", "ORDERPROCESSING_RETRY_DELAY_MS", "MS", "first retry delay of a failed stage message, doubled per receive (default 500)", (o, v) => o with { RetryDelay = ParseMilliseconds(v) }),
        new("--max-retry-delay-ms", "ORDERPROCESSING_MAX_RETRY_DELAY_MS", "MS", "largest retry delay (default 30000)", (o, v) => o with { MaxRetryDelay = ParseMilliseconds(v) }),
        new("--help", null, null, "print this help and exit", (o, _) => o with { ShowHelp = true }),
    ];

    /// <summary>The usage text.</summary>
    public static string Usage { get; } = BuildUsage();

    /// <summary>Parses the environment, then <paramref name="args"/>; throws <see cref="OptionsException"/> on any problem.</summary>
    public static LocalOptions Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var options = new LocalOptions();
        foreach (var option in Options.Where(o => o.Env is not null))
        {
            if (environment.TryGetValue(option.Env!, out var value) && !string.IsNullOrEmpty(value))
            {
                options = Apply(option, options, value, option.Env!);
            }
        }

        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "-?")
            {
                arg = "--help";
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            var option = Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
                ?? throw new OptionsException($"Unknown option '{name}'. Run with --help for the list.");
            string value;
            if (equals > 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (option.ValueName is null)
            {
                value = "true";
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new OptionsException($"Option {name} needs a value ({option.ValueName}).");
            }

            options = Apply(option, options, value, name);
        }

        return Check(options);
    }

    private static LocalOptions Check(LocalOptions options)
    {
        if (options.Storage == StorageMode.Memory && (options.DynamoDbEndpoint is not null || options.S3Endpoint is not null || options.CreateTables))
        {
            throw new OptionsException("--dynamodb-endpoint, --s3-endpoint and --create-tables need --storage aws.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            throw new OptionsException("--max-retry-delay-ms must be at least --retry-delay-ms.");
        }

        return options;
    }

    private static LocalOptions Apply(Option option, LocalOptions options, string value, string source)
    {
        try
        {
            return option.Apply(options, value);
        }
        catch (FormatException e)
        {
            throw new OptionsException($"{source}: {e.Message}", e);
        }
    }

    private static int ParsePort(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new FormatException($"'{value}' is not a port (0 to 65535)");

    private static IPAddress ParseAddress(string value) => value switch
    {
        "localhost" => IPAddress.Loopback,
        _ when IPAddress.TryParse(value, out var address) => address,
        _ => throw new FormatException($"'{value}' is not an IP address (for example 127.0.0.1, 0.0.0.0 or ::1)"),
    };

    private static StorageMode ParseStorage(string value) => value.ToLowerInvariant() switch
    {
        "memory" => StorageMode.Memory,
        "aws" => StorageMode.Aws,
        _ => throw new FormatException($"'{value}' is not a storage; use memory or aws"),
    };

    private static Uri ParseUri(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new FormatException($"'{value}' is not an http or https URL");

    private static bool ParseBool(string value) => value.ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new FormatException($"'{value}' is not true or false"),
    };

    private static TimeSpan ParseMilliseconds(string value, bool allowZero = false) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && (ms > 0 || (allowZero && ms == 0))
            ? TimeSpan.FromMilliseconds(ms)
            : throw new FormatException($"'{value}' is not a {(allowZero ? "whole" : "positive")} number of milliseconds");

    private static string NonEmpty(string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException("the value is empty") : value;

    private static string BuildUsage()
    {
        var text = new StringBuilder();
        text.AppendLine("Runs OrderProcessing on this machine: the HTTP API, every pipeline stage and a web page.");
        text.AppendLine();
        text.AppendLine("Usage: dotnet run --project OrderProcessing.Local -- [options]");
        text.AppendLine();
        foreach (var o in Options)
        {
            var left = o.ValueName is null ? o.Name : $"{o.Name} {o.ValueName}";
            text.Append(CultureInfo.InvariantCulture, $"  {left,-32} {o.Help}");
            if (o.Env is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" [env {o.Env}]");
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private sealed record Option(string Name, string? Env, string? ValueName, string Help, Func<LocalOptions, string, LocalOptions> Apply);
}
