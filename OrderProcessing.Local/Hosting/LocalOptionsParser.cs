using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace OrderProcessing.Local.Hosting;

/// <summary>
/// Reads <see cref="LocalOptions"/> from command-line options (<c>--port 5080</c> or <c>--port=5080</c>), parsed by
/// System.CommandLine, each falling back to its environment variable (<c>ORDERPROCESSING_PORT</c>, ...) and then to the
/// record's default. Unknown options and bad values fail fast, naming the option or the variable the value came from:
/// a typo never silently falls back to a default.
/// </summary>
public static class LocalOptionsParser
{
    // Response files (@file) would let any argument expand into options the README does not list.
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>The usage text: every option with its environment variable and its default.</summary>
    public static string Usage { get; } = RenderUsage();

    /// <summary>Parses <paramref name="args"/>, then the environment for what they leave out; throws <see cref="OptionsException"/> on any problem.</summary>
    public static LocalOptions Parse(IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        var definitions = new Definitions(environment);
        var result = definitions.Command.Parse(args, Configuration);
        if (result.Action is HelpAction)
        {
            return new LocalOptions { ShowHelp = true };
        }

        // The parser reads a leading [word] as a directive and, with none declared, drops it: reject it like any stray word.
        var errors = result.Tokens
            .Where(t => t.Type == TokenType.Directive)
            .Select(t => $"Unrecognized command or argument '{t.Value}'.")
            .Concat(result.Errors.Select(e => e.Message))
            .ToList();
        if (errors.Count > 0)
        {
            throw new OptionsException(string.Join(" ", errors) + " Run with --help for the list.");
        }

        return Check(definitions.Read(result));
    }

    private static LocalOptions Check(LocalOptions options)
    {
        if (options.Storage == StorageMode.Memory && (options.DynamoDbEndpoint is not null || options.S3Endpoint is not null || options.CreateTables))
        {
            throw new OptionsException("--dynamodb-endpoint, --s3-endpoint and --create-tables need --storage aws.");
        }

        // Child processes cannot share the host's memory, and the host sees their order writes only at a DynamoDB endpoint
        // it serves them in front of the real one (ChangeCapture/OrderChangeCaptureProxy).
        if (options.Functions == FunctionsMode.Process && (options.Storage != StorageMode.Aws || options.DynamoDbEndpoint is null))
        {
            throw new OptionsException("--functions process needs --storage aws with a --dynamodb-endpoint (dynalite, LocalStack): the function processes cannot share the host's in-memory stores.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            throw new OptionsException("--max-retry-delay-ms must be at least --retry-delay-ms.");
        }

        return options;
    }

    private static string RenderUsage()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        new Definitions(new Dictionary<string, string?>(StringComparer.Ordinal)).Command
            .Parse(["--help"], Configuration)
            .Invoke(new InvocationConfiguration { Output = output });
        return output.ToString();
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

    private static DnsEndPoint ParseEndPoint(string value)
    {
        var colon = value.LastIndexOf(':');
        return colon > 0 && int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? new DnsEndPoint(value[..colon].Trim('[', ']'), port)
            : throw new FormatException($"'{value}' is not HOST:PORT (for example 127.0.0.1:1025)");
    }

    private static StorageMode ParseStorage(string value) => value.ToLowerInvariant() switch
    {
        "memory" => StorageMode.Memory,
        "aws" => StorageMode.Aws,
        _ => throw new FormatException($"'{value}' is not a storage; use memory or aws"),
    };

    private static AuthMode ParseAuth(string value) => value.ToLowerInvariant() switch
    {
        "cognito" => AuthMode.Cognito,
        "none" => AuthMode.None,
        _ => throw new FormatException($"'{value}' is not an auth mode; use cognito or none"),
    };

    private static FunctionsMode ParseFunctions(string value) => value.ToLowerInvariant() switch
    {
        "in-process" => FunctionsMode.InProcess,
        "process" => FunctionsMode.Process,
        _ => throw new FormatException($"'{value}' is not a functions mode; use in-process or process"),
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

    private static int ParseMilliseconds(string value, bool allowZero) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && (ms > 0 || (allowZero && ms == 0))
            ? ms
            : throw new FormatException($"'{value}' is not a {(allowZero ? "whole" : "positive")} number of milliseconds");

    private static int ParseSeconds(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : throw new FormatException($"'{value}' is not a whole number of seconds");

    private static string NonEmpty(string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException("the value is empty") : value;

    /// <summary>The options of one parse: their defaults read the environment it was given.</summary>
    private sealed class Definitions
    {
        private readonly IReadOnlyDictionary<string, string?> _environment;
        private readonly Option<int> _port;
        private readonly Option<IPAddress> _bind;
        private readonly Option<AuthMode> _auth;
        private readonly Option<StorageMode> _storage;
        private readonly Option<FunctionsMode> _functions;
        private readonly Option<string> _functionsPath;
        private readonly Option<Uri?> _dynamoDbEndpoint;
        private readonly Option<Uri?> _s3Endpoint;
        private readonly Option<string> _region;
        private readonly Option<string> _tablePrefix;
        private readonly Option<string> _bucket;
        private readonly Option<bool> _createTables;
        private readonly Option<bool?> _seed;
        private readonly Option<bool> _noSeed;
        private readonly Option<string?> _corsOrigin;
        private readonly Option<string> _notificationsFile;
        private readonly Option<string> _mailOutbox;
        private readonly Option<DnsEndPoint?> _smtp;
        private readonly Option<int> _deliveryDelay;
        private readonly Option<int> _retryDelay;
        private readonly Option<int> _maxRetryDelay;
        private readonly Option<int> _sweepInterval;

        public Definitions(IReadOnlyDictionary<string, string?> environment)
        {
            _environment = environment;
            var defaults = new LocalOptions();
            _port = Define("--port", "ORDERPROCESSING_PORT", "PORT", "HTTP port (0 picks a free port)", defaults.Port, ParsePort);
            _bind = Define("--bind", "ORDERPROCESSING_BIND", "ADDRESS", "address to listen on (0.0.0.0 exposes the host to the network)", defaults.Bind, ParseAddress);
            _auth = Define("--auth", "ORDERPROCESSING_AUTH", "cognito|none", "check tokens as API Gateway's Cognito authorizer does (get one from POST /_local/tokens), or none: no checks (scripts, load tools)", defaults.Auth, ParseAuth);
            _storage = Define("--storage", "ORDERPROCESSING_STORAGE", "memory|aws", "in-memory stores or the DynamoDB and S3 adapters", defaults.Storage, ParseStorage);
            _functions = Define("--functions", "ORDERPROCESSING_FUNCTIONS", "in-process|process", "run the functions in the host, or as Lambda does: the published AOT bootstrap as child processes over the Runtime API (needs --storage aws)", defaults.Functions, ParseFunctions);
            _functionsPath = Define("--functions-path", "ORDERPROCESSING_FUNCTIONS_PATH", "DIR", "folder of the published bootstrap for --functions process (scripts/publish-functions.sh writes it)", defaults.FunctionsPath, NonEmpty);
            _dynamoDbEndpoint = Define("--dynamodb-endpoint", "ORDERPROCESSING_DYNAMODB_ENDPOINT", "URL", "DynamoDB endpoint for --storage aws (dynalite, LocalStack; default AWS)", defaults.DynamoDbEndpoint, ParseUri);
            _s3Endpoint = Define("--s3-endpoint", "ORDERPROCESSING_S3_ENDPOINT", "URL", "S3 endpoint for --storage aws (s3rver, LocalStack; default AWS)", defaults.S3Endpoint, ParseUri);
            _region = Define("--region", "ORDERPROCESSING_REGION", "REGION", "AWS region", defaults.Region, NonEmpty);
            _tablePrefix = Define("--table-prefix", "ORDERPROCESSING_TABLE_PREFIX", "PREFIX", "prefix of the table names", defaults.TablePrefix, NonEmpty);
            _bucket = Define("--bucket", "ORDERPROCESSING_BUCKET", "NAME", "invoices bucket", defaults.Bucket, NonEmpty);
            _createTables = Define("--create-tables", "ORDERPROCESSING_CREATE_TABLES", null, "create the schema's tables and bucket when missing (--storage aws)", defaults.CreateTables, ParseBool);
            _seed = Define<bool?>("--seed", "ORDERPROCESSING_SEED", null, "put the demo catalog at start (default: in memory, or with --create-tables)", defaults.Seed, v => ParseBool(v));
            _noSeed = new Option<bool>("--no-seed") { Description = "do not put the demo catalog", Arity = ArgumentArity.Zero };
            _corsOrigin = Define("--cors-origin", "ORDERPROCESSING_CORS_ORIGIN", "ORIGIN", "browser origin allowed to call the API from another page, or * (default: only the host's own)", defaults.CorsOrigin, NonEmpty);
            _notificationsFile = Define("--notifications-file", "ORDERPROCESSING_NOTIFICATIONS_FILE", "PATH", "JSON-lines file of customer notifications", defaults.NotificationsFile, NonEmpty);
            _mailOutbox = Define("--mail-outbox", "ORDERPROCESSING_MAIL_OUTBOX", "DIR", "folder customer e-mails are written to as .eml files (unless --smtp)", defaults.MailOutbox, NonEmpty);
            _smtp = Define("--smtp", "ORDERPROCESSING_SMTP", "HOST:PORT", "send customer e-mails to this SMTP server (maildev: 127.0.0.1:1025) instead of the outbox", defaults.Smtp, ParseEndPoint);
            _deliveryDelay = Define("--delivery-delay-ms", "ORDERPROCESSING_DELIVERY_DELAY_MS", "MS", "delay of each change in its stage queue, standing in for cloud latency (0 for none)", Milliseconds(defaults.DeliveryDelay), v => ParseMilliseconds(v, allowZero: true));
            _retryDelay = Define("--retry-delay-ms", "ORDERPROCESSING_RETRY_DELAY_MS", "MS", "first retry delay of a failed stage message, doubled per receive", Milliseconds(defaults.RetryDelay), v => ParseMilliseconds(v, allowZero: false));
            _maxRetryDelay = Define("--max-retry-delay-ms", "ORDERPROCESSING_MAX_RETRY_DELAY_MS", "MS", "largest retry delay", Milliseconds(defaults.MaxRetryDelay), v => ParseMilliseconds(v, allowZero: false));

            _sweepInterval = Define("--sweep-interval-s", "ORDERPROCESSING_SWEEP_INTERVAL_S", "SECONDS", "how often the stuck-order sweeper runs (0 turns it off)", (int)defaults.SweepInterval.TotalSeconds, ParseSeconds);

            // A plain command rather than RootCommand: no --version, no [diagram] or [suggest] directives, and a usage line
            // that names the project rather than whichever executable hosts the parse.
            Command = new Command("OrderProcessing.Local", "Runs OrderProcessing on this machine: the HTTP API, every pipeline stage and a web page.")
            {
                _port, _bind, _auth, _storage, _functions, _functionsPath, _dynamoDbEndpoint, _s3Endpoint, _region, _tablePrefix, _bucket, _createTables, _seed, _noSeed,
                _corsOrigin, _notificationsFile, _mailOutbox, _smtp, _deliveryDelay, _retryDelay, _maxRetryDelay, _sweepInterval,
                
                // Wide enough that no line wraps: each option's variable stays on its line, for the eye and for grep.
                new HelpOption { Action = new HelpAction { MaxWidth = 240 } },
            };
        }

        public Command Command { get; }

        public LocalOptions Read(ParseResult result)
        {
            // --_seed and --no-_seed set the same thing: the later one on the command line wins, as with any repeated setting.
            var lastSeed = result.Tokens.LastOrDefault(t => t.Type == TokenType.Option && (t.Value == _seed.Name || t.Value == _noSeed.Name));
            return new LocalOptions
            {
                Port = result.GetValue(_port),
                Bind = result.GetValue(_bind)!,
                Auth = result.GetValue(_auth),
                Storage = result.GetValue(_storage),
                Functions = result.GetValue(_functions),
                FunctionsPath = result.GetValue(_functionsPath)!,
                DynamoDbEndpoint = result.GetValue(_dynamoDbEndpoint),
                S3Endpoint = result.GetValue(_s3Endpoint),
                Region = result.GetValue(_region)!,
                TablePrefix = result.GetValue(_tablePrefix)!,
                Bucket = result.GetValue(_bucket)!,
                CreateTables = result.GetValue(_createTables),
                Seed = lastSeed?.Value == _noSeed.Name ? false : result.GetValue(_seed),
                CorsOrigin = result.GetValue(_corsOrigin),
                NotificationsFile = result.GetValue(_notificationsFile)!,
                MailOutbox = result.GetValue(_mailOutbox)!,
                Smtp = result.GetValue(_smtp),
                DeliveryDelay = TimeSpan.FromMilliseconds(result.GetValue(_deliveryDelay)),
                RetryDelay = TimeSpan.FromMilliseconds(result.GetValue(_retryDelay)),
                MaxRetryDelay = TimeSpan.FromMilliseconds(result.GetValue(_maxRetryDelay)),
                SweepInterval = TimeSpan.FromSeconds(result.GetValue(_sweepInterval)),
            };
        }

        private static int Milliseconds(TimeSpan delay) => (int)delay.TotalMilliseconds;

        // A bad value is an error naming where it came from: the option, or the variable for a value from the environment.
        private static T Convert<T>(ArgumentResult result, string source, string value, Func<string, T> parse)
        {
            try
            {
                return parse(value);
            }
            catch (FormatException e)
            {
                result.AddError($"{source}: {e.Message}.");
                return default!;
            }
        }

        /// <summary>An option whose value, when absent from the command line, comes from its environment variable, else <paramref name="fallback"/>.</summary>
        private Option<T> Define<T>(string name, string variable, string? valueName, string description, T fallback, Func<string, T> parse)
        {
            var option = new Option<T>(name)
            {
                Description = $"{description} [env {variable}]",
                HelpName = valueName,

                // A bare switch (--_seed) turns it on; true or false may follow it (--_seed=false), as the library reads booleans.
                Arity = valueName is null ? ArgumentArity.ZeroOrOne : ArgumentArity.ExactlyOne,
                CustomParser = result => Convert(result, name, result.Tokens.Count == 0 ? "true" : result.Tokens[0].Value, parse),
            };

            // Without a default the usage prints none, which is right for the options whose default is "not set".
            if (fallback is not null || _environment.ContainsKey(variable))
            {
                option.DefaultValueFactory = result =>
                    _environment.TryGetValue(variable, out var value) && !string.IsNullOrEmpty(value)
                        ? Convert(result, variable, value, parse)
                        : fallback;
            }

            return option;
        }
    }
}
