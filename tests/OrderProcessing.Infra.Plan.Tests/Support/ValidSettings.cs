using OrderProcessing.Infra.Plan.Settings;

namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>A complete, valid set of raw settings that single tests change one key of.</summary>
public static class ValidSettings
{
    /// <summary>Raw values by unqualified key.</summary>
    public static Dictionary<string, string?> Raw() => new(StringComparer.Ordinal)
    {
        [SettingKeys.Environment] = "test",
        [SettingKeys.LogRetentionDays] = "14",
        [SettingKeys.DeletionProtection] = "false",
        [SettingKeys.ApiAuth] = "apiKey",
        [SettingKeys.ThrottleRateLimit] = "50",
        [SettingKeys.ThrottleBurstLimit] = "100",
        [SettingKeys.AlarmEmails] = "[\"ops@example.com\"]",
        [SettingKeys.InvoiceLinkSeconds] = "300",
        [SettingKeys.InvoiceTransitionDays] = "30",
        [SettingKeys.InvoiceExpirationDays] = "365",
        [SettingKeys.ArtifactPath] = "artifacts/functions",
        [SettingKeys.CorsAllowOrigin] = "*",
        [SettingKeys.FunctionMemory] = null,
        [SettingKeys.ApiReservedConcurrency] = "50",
        [SettingKeys.MailSender] = "Shop <orders@shop.example.com>",
    };

    /// <summary>The loaded settings of <see cref="Raw"/>, optionally with changes.</summary>
    public static StackSettings Load(Action<Dictionary<string, string?>>? change = null)
    {
        var raw = Raw();
        change?.Invoke(raw);
        return StackSettings.Load(key => raw.GetValueOrDefault(key));
    }

    /// <summary>The region the sample plans are deployed to.</summary>
    public const string Region = "us-east-1";

    /// <summary>A plan of stack <c>test</c> in <see cref="Region"/> with the valid settings.</summary>
    public static DeploymentPlan Plan(Action<Dictionary<string, string?>>? change = null) => DeploymentPlan.Create("test", Region, Load(change));
}
