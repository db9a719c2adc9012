using System.Text.Json;
using OrderProcessing.DevTools;
using OrderProcessing.Infra.Plan.Iam;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Shop;
using OrderProcessing.Infra.Plan.Tests.Support;

namespace OrderProcessing.Infra.Plan.Tests.Shop;

public sealed class ShopPlanTests
{
    private static ShopPlan Shop(string auth = "cognito", bool deletionProtection = false) =>
        ValidSettings.Plan(raw =>
        {
            raw[SettingKeys.ApiAuth] = auth;
            raw[SettingKeys.DeletionProtection] = deletionProtection ? "true" : "false";
        }).Shop;

    [Test]
    public void Files_AreTheLocalHostsPageReadFromTheRepository()
    {
        var files = ShopPlan.Files(RepositoryRoot.Path);
        var folder = Path.Combine(RepositoryRoot.Path, "OrderProcessing.Local", "wwwroot");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(files.Select(f => f.Key), Does.Contain(ShopPlan.DefaultRootObject));
            // The local host's config.json ({}) is replaced by the one the stack generates (ShopPlan.Config).
            Assert.That(
                files.Select(f => f.Key),
                Is.EquivalentTo(Directory.EnumerateFiles(folder).Select(Path.GetFileName).Where(name => name != ShopPlan.ConfigKey)));
            Assert.That(files.Select(f => f.SourcePath), Is.All.StartsWith(folder));
            Assert.That(files.Single(f => f.Key == "index.html").ContentType, Is.EqualTo("text/html; charset=utf-8"));
        }
    }

    [TestCase("app.js", "text/javascript; charset=utf-8")]
    [TestCase("app.css", "text/css; charset=utf-8")]
    [TestCase("favicon.ico", "image/x-icon")]
    [TestCase("data.bin", "application/octet-stream")]
    public void ContentType_FollowsTheExtension(string key, string type)
    {
        Assert.That(ShopPlan.ContentType(key), Is.EqualTo(type));
    }

    [Test]
    public void Config_NamesTheApiAndTheCognitoClientHostedUiAndRedirect()
    {
        var shop = Shop();
        using var config = JsonDocument.Parse(shop.Config("https://abc.execute-api.us-east-1.amazonaws.com/v1/", "https://d1.cloudfront.net/", "client-1"));
        var cognito = config.RootElement.GetProperty("cognito");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(config.RootElement.GetProperty("apiUrl").GetString(), Is.EqualTo("https://abc.execute-api.us-east-1.amazonaws.com/v1/"));
            Assert.That(config.RootElement.GetProperty("auth").GetString(), Is.EqualTo("cognito"));
            Assert.That(cognito.GetProperty("clientId").GetString(), Is.EqualTo("client-1"));
            Assert.That(cognito.GetProperty("domain").GetString(), Is.EqualTo(shop.SignIn!.HostedUiUrl));
            Assert.That(cognito.GetProperty("redirectUri").GetString(), Is.EqualTo("https://d1.cloudfront.net/"));
        }
    }

    [Test]
    public void Config_WithoutCognito_NamesOnlyTheApi()
    {
        using var config = JsonDocument.Parse(Shop("iam").Config("https://abc.execute-api.us-east-1.amazonaws.com/v1/", "https://d1.cloudfront.net/", null));

        Assert.That(config.RootElement.TryGetProperty("cognito", out _), Is.False);
    }

    [Test]
    public void ContentSecurityPolicy_AllowsOnlyThePageTheRegionsApisAndTheHostedUi()
    {
        var shop = Shop();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(shop.ContentSecurityPolicy, Does.Contain("default-src 'self'"));
            Assert.That(shop.ContentSecurityPolicy, Does.Contain($"connect-src 'self' https://*.execute-api.us-east-1.amazonaws.com {shop.SignIn!.HostedUiUrl}"));
            Assert.That(shop.ContentSecurityPolicy, Does.Contain("frame-ancestors 'none'"));
            Assert.That(shop.ContentSecurityPolicy, Does.Not.Contain("unsafe"));
        }
    }

    [TestCase(false, true)]
    [TestCase(true, false)]
    public void Bucket_IsDestroyableOnlyWithoutDeletionProtection(bool deletionProtection, bool forceDestroy)
    {
        Assert.That(Shop(deletionProtection: deletionProtection).ForceDestroy, Is.EqualTo(forceDestroy));
    }

    [Test]
    public void BucketPolicy_LetsOnlyTheOneDistributionReadAndRefusesPlainHttp()
    {
        const string bucket = "arn:aws:s3:::order-processing-test-shop-1";
        const string distribution = "arn:aws:cloudfront::123456789012:distribution/E1";
        var policy = BucketPolicies.ShopPage(bucket, distribution);
        var allow = policy.Statement.Single(s => s.Effect == "Allow");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allow.Principal, Is.EqualTo(new Dictionary<string, string> { ["Service"] = "cloudfront.amazonaws.com" }));
            Assert.That(allow.Action, Is.EqualTo(new[] { "s3:GetObject" }));
            Assert.That(allow.Resource, Is.EqualTo(new[] { $"{bucket}/*" }));
            Assert.That(allow.Condition!["StringEquals"]["AWS:SourceArn"], Is.EqualTo(distribution));
            Assert.That(policy.Statement.Single(s => s.Effect == "Deny").Condition!["Bool"]["aws:SecureTransport"], Is.EqualTo("false"));
        }
    }
}
