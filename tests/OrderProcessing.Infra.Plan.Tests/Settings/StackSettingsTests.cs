using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Settings;

public sealed class StackSettingsTests
{
    private static IEnumerable<TestCaseData> InvalidSettings()
    {
        // (key, value, a fragment of what the message must say is allowed); null value means missing.
        yield return Case(SettingKeys.Environment, null, "lowercase letters");
        yield return Case(SettingKeys.Environment, "Prod", "lowercase letters");
        yield return Case(SettingKeys.Environment, "a-very-long-environment-name", "at most 20");
        yield return Case(SettingKeys.LogRetentionDays, null, "one of 1, 3, 5, 7");
        yield return Case(SettingKeys.LogRetentionDays, "8", "one of 1, 3, 5, 7, 14");
        yield return Case(SettingKeys.LogRetentionDays, "0", "3653");
        yield return Case(SettingKeys.LogRetentionDays, "seven", "one of");
        yield return Case(SettingKeys.DeletionProtection, null, "true or false");
        yield return Case(SettingKeys.DeletionProtection, "yes", "true or false");
        yield return Case(SettingKeys.ApiAuth, null, "cognito, iam or apiKey");
        yield return Case(SettingKeys.ApiAuth, "basic", "cognito, iam or apiKey");
        yield return Case(SettingKeys.ApiAuth, "Cognito", "cognito, iam or apiKey");
        yield return Case(SettingKeys.ThrottleRateLimit, null, "greater than 0");
        yield return Case(SettingKeys.ThrottleRateLimit, "0", "greater than 0");
        yield return Case(SettingKeys.ThrottleRateLimit, "20000", "at most 10000");
        yield return Case(SettingKeys.ThrottleRateLimit, "fast", "a number");
        yield return Case(SettingKeys.ThrottleBurstLimit, null, "1 to 5000");
        yield return Case(SettingKeys.ThrottleBurstLimit, "0", "1 to 5000");
        yield return Case(SettingKeys.ThrottleBurstLimit, "2.5", "whole number");
        yield return Case(SettingKeys.AlarmEmails, "ops@example.com", "list of e-mail addresses");
        yield return Case(SettingKeys.AlarmEmails, "[\"not-an-address\"]", "not an e-mail address");
        yield return Case(SettingKeys.AlarmEmails, "[1]", "not an e-mail address");
        yield return Case(SettingKeys.InvoiceLinkSeconds, null, "60 to 3600");
        yield return Case(SettingKeys.InvoiceLinkSeconds, "86400", "60 to 3600");
        yield return Case(SettingKeys.InvoiceTransitionDays, null, "30 to 3650");
        yield return Case(SettingKeys.InvoiceTransitionDays, "10", "Standard-IA no sooner than 30 days");
        yield return Case(SettingKeys.InvoiceExpirationDays, null, "31 to 3650");
        yield return Case(SettingKeys.InvoiceExpirationDays, "30", "invoiceTransitionDays");
        yield return Case(SettingKeys.ArtifactPath, null, "./scripts/publish-functions.sh (artifacts/functions)");
        yield return Case(SettingKeys.ArtifactPath, " ", "./scripts/publish-functions.sh (artifacts/functions)");
        yield return Case(SettingKeys.CorsAllowOrigin, null, "an origin such as https://");
        yield return Case(SettingKeys.CorsAllowOrigin, "https://shop.example.com/path", "no path");
        yield return Case(SettingKeys.CorsAllowOrigin, "shop.example.com", "scheme and host");
        yield return Case(SettingKeys.CorsAllowOrigin, "shops", "shop (the stack's own shop page)");
        yield return Case(SettingKeys.FunctionMemory, "1024", "a map from function name");
        yield return Case(SettingKeys.FunctionMemory, "{\"billing\": 512}", "'billing', which is not a function");
        yield return Case(SettingKeys.FunctionMemory, "{\"api\": 64}", "128 to 10240");
        yield return Case(SettingKeys.FunctionMemory, "{\"api\": 20000}", "128 to 10240");
        yield return Case(SettingKeys.ApiReservedConcurrency, null, "1 to 900");
        yield return Case(SettingKeys.ApiReservedConcurrency, "0", "1 to 900");
        yield return Case(SettingKeys.ApiReservedConcurrency, "1000", "100 of the account's concurrency");
        yield return Case(SettingKeys.ApiReservedConcurrency, "many", "whole number");

        static TestCaseData Case(string key, string? value, string allowed) =>
            new TestCaseData(key, value, allowed).SetArgDisplayNames(key, value ?? "(missing)");
    }

    [Test]
    public void ValidSettings_AreLoadedAsWritten()
    {
        var settings = ValidSettings.Load();

        Assert.That(settings, Is.EqualTo(settings with { }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.Environment, Is.EqualTo("test"));
            Assert.That(settings.LogRetentionDays, Is.EqualTo(14));
            Assert.That(settings.DeletionProtection, Is.False);
            Assert.That(settings.ApiAuth, Is.EqualTo(ApiAuthMode.ApiKey));
            Assert.That(settings.ThrottleRateLimit, Is.EqualTo(50));
            Assert.That(settings.ThrottleBurstLimit, Is.EqualTo(100));
            Assert.That(settings.AlarmEmails, Is.EqualTo(new[] { "ops@example.com" }));
            Assert.That(settings.InvoiceLinkSeconds, Is.EqualTo(300));
            Assert.That(settings.InvoiceTransitionDays, Is.EqualTo(30));
            Assert.That(settings.InvoiceExpirationDays, Is.EqualTo(365));
            Assert.That(settings.ArtifactPath, Is.EqualTo("artifacts/functions"));
            Assert.That(settings.CorsAllowOrigin, Is.EqualTo("*"));
            Assert.That(settings.FunctionMemory, Is.Empty);
        }
    }

    [TestCaseSource(nameof(InvalidSettings))]
    public void InvalidOrMissingSetting_IsRejectedNamingItsKeyAndAllowedValues(string key, string? value, string allowed)
    {
        var error = Assert.Throws<StackSettingsException>(() => ValidSettings.Load(raw => raw[key] = value));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Key, Is.EqualTo($"order-processing:{key}"));
            Assert.That(error.Message, Does.Contain($"'order-processing:{key}'"));
            Assert.That(error.Message, Does.Contain(allowed));
            Assert.That(error.Message, Does.Contain($"pulumi config set order-processing:{key}"));
        }
    }

    [Test]
    public void EveryAllowedRetention_IsAccepted()
    {
        foreach (var days in LogRetention.AllowedDays)
        {
            var settings = ValidSettings.Load(raw => raw[SettingKeys.LogRetentionDays] = days.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.That(settings.LogRetentionDays, Is.EqualTo(days));
        }
    }

    [Test]
    public void OptionalSettings_DefaultToNothing()
    {
        var settings = ValidSettings.Load(raw =>
        {
            raw[SettingKeys.AlarmEmails] = null;
            raw[SettingKeys.FunctionMemory] = null;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(settings.AlarmEmails, Is.Empty);
            Assert.That(settings.FunctionMemory, Is.Empty);
        }
    }

    [TestCase("iam", ApiAuthMode.Iam)]
    [TestCase("cognito", ApiAuthMode.Cognito)]
    [TestCase("apiKey", ApiAuthMode.ApiKey)]
    public void AuthenticationMode_IsAcceptedAndSpelledBackTheSame(string value, ApiAuthMode mode)
    {
        var settings = ValidSettings.Load(raw => raw[SettingKeys.ApiAuth] = value);

        Assert.That(settings.ApiAuth, Is.EqualTo(mode));
        Assert.That(settings.ApiAuth.Spelling(), Is.EqualTo(value));
    }

    [Test]
    public void ShopOrigin_IsAcceptedAsTheStacksOwnPage()
    {
        var settings = ValidSettings.Load(raw => raw[SettingKeys.CorsAllowOrigin] = "shop");

        Assert.That(settings.CorsAllowsShopOnly, Is.True);
        Assert.That(ValidSettings.Load().CorsAllowsShopOnly, Is.False);
    }

    [Test]
    public void FunctionMemoryOverride_ChangesOnlyThatFunction()
    {
        var plan = ValidSettings.Plan(raw => raw[SettingKeys.FunctionMemory] = "{\"api\": 2048}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(plan.ApiFunction.MemoryMb, Is.EqualTo(2048));
            Assert.That(plan.Stages.Select(s => s.Function.MemoryMb), Is.EqualTo(plan.Stages.Select(s => s.Function.Definition.MemoryMb)));
        }
    }

    [Test]
    public void EverySettingKey_IsReadByTheLoader()
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        var raw = ValidSettings.Raw();
        StackSettings.Load(key =>
        {
            read.Add(key);
            return raw.GetValueOrDefault(key);
        });

        var declared = typeof(SettingKeys).GetFields()
            .Where(f => f.IsLiteral && f.Name != nameof(SettingKeys.Namespace))
            .Select(f => (string)f.GetRawConstantValue()!);
        Assert.That(read, Is.EquivalentTo(declared));
    }
}
