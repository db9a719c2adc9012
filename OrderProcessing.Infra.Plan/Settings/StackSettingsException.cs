namespace OrderProcessing.Infra.Plan.Settings;

/// <summary>A stack setting is missing or invalid. The message names the fully qualified key and what it accepts.</summary>
public sealed class StackSettingsException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/> (unqualified) with a sentence saying what is wrong and what is allowed.</summary>
    public StackSettingsException(string key, string problem, Exception? inner = null)
        : base($"Stack setting '{SettingKeys.Qualified(key)}' {problem} Set it with: pulumi config set {SettingKeys.Qualified(key)} <value>", inner)
    {
        Key = SettingKeys.Qualified(key);
    }

    /// <summary>The fully qualified key at fault (<c>order-processing:logRetentionDays</c>).</summary>
    public string Key { get; }
}
