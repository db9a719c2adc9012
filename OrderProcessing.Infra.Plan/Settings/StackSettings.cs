using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Settings;

/// <summary>
/// The validated settings of one stack, read once from a key lookup: the Pulumi program passes <c>Config.Get</c>,
/// tests pass the values of <c>Pulumi.&lt;stack&gt;.yaml</c>. Structured values (lists, maps) arrive as JSON text, as Pulumi
/// hands them to programs. Every key is documented on <see cref="SettingKeys"/>.
/// </summary>
public sealed partial record StackSettings
{
    /// <summary>Environment name the functions see and resources are tagged with.</summary>
    public required string Environment { get; init; }

    /// <summary>Days CloudWatch keeps function logs.</summary>
    public required int LogRetentionDays { get; init; }

    /// <summary>Whether tables refuse deletion and the invoices bucket is kept when not empty.</summary>
    public required bool DeletionProtection { get; init; }

    /// <summary>How callers authenticate to the API.</summary>
    public required ApiAuthMode ApiAuth { get; init; }

    /// <summary>Steady-state requests per second the API accepts.</summary>
    public required double ThrottleRateLimit { get; init; }

    /// <summary>Burst of requests the API accepts.</summary>
    public required int ThrottleBurstLimit { get; init; }

    /// <summary>E-mail addresses subscribed to alarms; may be empty.</summary>
    public required IReadOnlyList<string> AlarmEmails { get; init; }

    /// <summary>Lifetime of a presigned invoice link in seconds.</summary>
    public required int InvoiceLinkSeconds { get; init; }

    /// <summary>Days after which invoices move to Standard-IA.</summary>
    public required int InvoiceTransitionDays { get; init; }

    /// <summary>Days after which invoices are deleted.</summary>
    public required int InvoiceExpirationDays { get; init; }

    /// <summary>Folder holding the functions' Native AOT executable, as configured (absolute or relative to the project root).</summary>
    public required string ArtifactPath { get; init; }

    /// <summary>The browser origin allowed to call the API, <c>*</c>, or <see cref="ShopOrigin"/>.</summary>
    public required string CorsAllowOrigin { get; init; }

    /// <summary>
    /// The value of <see cref="SettingKeys.CorsAllowOrigin"/> that allows exactly the stack's own shop page (its CloudFront
    /// URL, known only once the distribution exists, so the program resolves it at deployment).
    /// </summary>
    public const string ShopOrigin = "shop";

    /// <summary>Whether the API allows only the stack's own shop page (<see cref="ShopOrigin"/>).</summary>
    public bool CorsAllowsShopOnly => CorsAllowOrigin == ShopOrigin;

    /// <summary>Memory overrides in MB by function name; functions not listed keep the topology's memory.</summary>
    public required IReadOnlyDictionary<string, int> FunctionMemory { get; init; }

    /// <summary>Concurrent executions reserved for the API function.</summary>
    public required int ApiReservedConcurrency { get; init; }

    /// <summary>The sender of customer e-mail, RFC 5322 (<c>Shop &lt;orders@shop.example.com&gt;</c>).</summary>
    public required string MailSender { get; init; }

    /// <summary>The bare address of <see cref="MailSender"/>: the SES e-mail identity.</summary>
    public string MailSenderAddress => MailSenderPattern().Match(MailSender) is { Success: true } m ? m.Groups["address"].Value : MailSender;

    /// <summary>
    /// Reads and validates every setting. Throws <see cref="StackSettingsException"/> naming the first missing or invalid key
    /// and the values it accepts.
    /// </summary>
    /// <param name="lookup">Returns the raw value of an unqualified key (<c>logRetentionDays</c>), or null when unset.</param>
    public static StackSettings Load(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);

        // Read in the order SettingKeys documents them, so the first problem reported is the first in the stack file.
        var environment = RequireMatch(lookup, SettingKeys.Environment, EnvironmentPattern(), "lowercase letters, digits and hyphens, starting with a letter, at most 20 characters (for example dev or prod).");
        var logRetentionDays = RequireOneOf(lookup, SettingKeys.LogRetentionDays, LogRetention.AllowedDays);
        var deletionProtection = RequireBool(lookup, SettingKeys.DeletionProtection);
        var apiAuth = RequireApiAuth(lookup);
        var rateLimit = RequireDouble(lookup, SettingKeys.ThrottleRateLimit, 0, 10_000);
        var burstLimit = RequireInt(lookup, SettingKeys.ThrottleBurstLimit, 1, 5_000, null);
        var alarmEmails = OptionalEmails(lookup);
        var invoiceLinkSeconds = RequireInt(lookup, SettingKeys.InvoiceLinkSeconds, 60, 3600, "A link signed with a function's temporary credentials cannot outlive them.");
        var transitionDays = RequireInt(lookup, SettingKeys.InvoiceTransitionDays, 30, 3650, "S3 moves objects to Standard-IA no sooner than 30 days.");
        var expirationDays = RequireInt(lookup, SettingKeys.InvoiceExpirationDays, transitionDays + 1, 3650, $"Invoices expire after they move to Standard-IA ({SettingKeys.Qualified(SettingKeys.InvoiceTransitionDays)} = {transitionDays}).");
        var artifactPath = RequirePresent(lookup, SettingKeys.ArtifactPath, $"the folder written by {Functions.LambdaArtifact.PublishCommand} ({Functions.LambdaArtifact.DefaultFolder})");
        var corsAllowOrigin = RequireMatch(lookup, SettingKeys.CorsAllowOrigin, OriginPattern(), $"{ShopOrigin} (the stack's own shop page), * or an origin such as https://shop.example.com (scheme and host, optional port, no path).");
        var functionMemory = OptionalFunctionMemory(lookup);
        var apiReservedConcurrency = RequireInt(lookup, SettingKeys.ApiReservedConcurrency, 1, 900, "Lambda keeps 100 of the account's concurrency (1000 by default) unreserved.");
        var mailSender = RequireMatch(lookup, SettingKeys.MailSender, MailSenderPattern(), "an address such as orders@shop.example.com, optionally with a name: Shop <orders@shop.example.com>.");

        return new StackSettings
        {
            Environment = environment,
            LogRetentionDays = logRetentionDays,
            DeletionProtection = deletionProtection,
            ApiAuth = apiAuth,
            ThrottleRateLimit = rateLimit,
            ThrottleBurstLimit = burstLimit,
            AlarmEmails = alarmEmails,
            InvoiceLinkSeconds = invoiceLinkSeconds,
            InvoiceTransitionDays = transitionDays,
            InvoiceExpirationDays = expirationDays,
            ArtifactPath = artifactPath,
            CorsAllowOrigin = corsAllowOrigin,
            FunctionMemory = functionMemory,
            ApiReservedConcurrency = apiReservedConcurrency,
            MailSender = mailSender,
        };
    }

    private static string RequirePresent(Func<string, string?> lookup, string key, string expected)
    {
        var value = lookup(key);
        return string.IsNullOrWhiteSpace(value)
            ? throw new StackSettingsException(key, $"is missing; expected {expected}.")
            : value.Trim();
    }

    private static string RequireMatch(Func<string, string?> lookup, string key, Regex pattern, string expected)
    {
        var value = RequirePresent(lookup, key, expected);
        return pattern.IsMatch(value)
            ? value
            : throw new StackSettingsException(key, $"is '{value}', which is not allowed; expected {expected}");
    }

    private static int RequireOneOf(Func<string, string?> lookup, string key, IReadOnlyList<int> allowed)
    {
        var expected = $"one of {string.Join(", ", allowed)}.";
        var value = RequirePresent(lookup, key, expected);
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && allowed.Contains(days)
            ? days
            : throw new StackSettingsException(key, $"is '{value}', which is not allowed; expected {expected}");
    }

    private static bool RequireBool(Func<string, string?> lookup, string key)
    {
        var value = RequirePresent(lookup, key, "true or false.");
        return bool.TryParse(value, out var flag)
            ? flag
            : throw new StackSettingsException(key, $"is '{value}', which is not allowed; expected true or false.");
    }

    private static ApiAuthMode RequireApiAuth(Func<string, string?> lookup)
    {
        var expected = string.Join(", ", ApiAuthModes.Deployable.SkipLast(1)) + " or " + ApiAuthModes.Deployable[^1] + ".";
        var value = RequirePresent(lookup, SettingKeys.ApiAuth, expected);
        return ApiAuthModes.Deployable.Contains(value, StringComparer.Ordinal)
            ? ApiAuthModes.BySpelling[value]
            : throw new StackSettingsException(SettingKeys.ApiAuth, $"is '{value}', which is not allowed; expected {expected}");
    }

    private static int RequireInt(Func<string, string?> lookup, string key, int min, int max, string? why)
    {
        var expected = $"a whole number from {min} to {max}." + (why is null ? "" : " " + why);
        var value = RequirePresent(lookup, key, expected);
        return int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new StackSettingsException(key, $"is '{value}', which is not allowed; expected {expected}");
    }

    private static double RequireDouble(Func<string, string?> lookup, string key, double exclusiveMin, double max)
    {
        var expected = $"a number greater than {exclusiveMin.ToString(CultureInfo.InvariantCulture)} and at most {max.ToString(CultureInfo.InvariantCulture)}.";
        var value = RequirePresent(lookup, key, expected);
        return double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number > exclusiveMin && number <= max
            ? number
            : throw new StackSettingsException(key, $"is '{value}', which is not allowed; expected {expected}");
    }

    private static List<string> OptionalEmails(Func<string, string?> lookup)
    {
        const string expected = "a list of e-mail addresses (a YAML list, which Pulumi passes as a JSON array).";
        var value = lookup(SettingKeys.AlarmEmails);
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var emails = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new StackSettingsException(SettingKeys.AlarmEmails, $"is '{value}', which is not allowed; expected {expected}");
            }

            foreach (var element in document.RootElement.EnumerateArray())
            {
                var email = element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
                if (!EmailPattern().IsMatch(email))
                {
                    throw new StackSettingsException(SettingKeys.AlarmEmails, $"contains '{email}', which is not an e-mail address; expected {expected}");
                }

                emails.Add(email);
            }
        }
        catch (JsonException e)
        {
            throw new StackSettingsException(SettingKeys.AlarmEmails, $"is '{value}', which is not allowed; expected {expected}", e);
        }

        return emails.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static Dictionary<string, int> OptionalFunctionMemory(Func<string, string?> lookup)
    {
        var names = SystemTopology.Functions.Select(f => f.Name).ToList();
        var expected = $"a map from function name ({string.Join(", ", names)}) to memory in MB from 128 to 10240.";
        var value = lookup(SettingKeys.FunctionMemory);
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        var memory = new Dictionary<string, int>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new StackSettingsException(SettingKeys.FunctionMemory, $"is '{value}', which is not allowed; expected {expected}");
            }

            foreach (var entry in document.RootElement.EnumerateObject())
            {
                if (!names.Contains(entry.Name))
                {
                    throw new StackSettingsException(SettingKeys.FunctionMemory, $"names '{entry.Name}', which is not a function; expected {expected}");
                }

                var megabytes = entry.Value.ValueKind switch
                {
                    JsonValueKind.Number when entry.Value.TryGetInt32(out var n) => n,
                    JsonValueKind.String when int.TryParse(entry.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
                    _ => -1,
                };
                if (megabytes is < 128 or > 10_240)
                {
                    throw new StackSettingsException(SettingKeys.FunctionMemory, $"gives '{entry.Name}' {entry.Value.GetRawText()}, which is not allowed; expected {expected}");
                }

                memory[entry.Name] = megabytes;
            }
        }
        catch (JsonException e)
        {
            throw new StackSettingsException(SettingKeys.FunctionMemory, $"is '{value}', which is not allowed; expected {expected}", e);
        }

        return memory;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentPattern();

    [GeneratedRegex(@"^(\*|shop|https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex OriginPattern();

    [GeneratedRegex(@"^[^@\s""',]+@[^@\s""',]+\.[^@\s""',]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    // "name <address>" or a bare address; the address is what SES verifies.
    [GeneratedRegex(@"^(?:[^<>]+<(?<address>[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+)>|(?<address>[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+))$")]
    private static partial Regex MailSenderPattern();
}
