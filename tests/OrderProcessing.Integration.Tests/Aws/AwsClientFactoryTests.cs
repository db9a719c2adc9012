using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Aws;

/// <summary>Clients for AWS keep the SDK's defaults; clients for local servers are configured so s3rver stores bodies intact.</summary>
[TestFixture]
public sealed class AwsClientFactoryTests
{
    [Test]
    public void S3ForALocalEndpoint_UsesPathStyleAndChecksumsOnlyWhenRequired()
    {
        using var client = AwsClientFactory.CreateS3(AwsClientSettings.ForLocalEndpoint(new Uri("http://127.0.0.1:9000"), "S3RVER", "S3RVER"));

        var config = (AmazonS3Config)client.Config;
        Assert.That(config.ForcePathStyle, Is.True);
        Assert.That(config.RequestChecksumCalculation, Is.EqualTo(RequestChecksumCalculation.WHEN_REQUIRED));
        Assert.That(config.ResponseChecksumValidation, Is.EqualTo(ResponseChecksumValidation.WHEN_REQUIRED));
        Assert.That(config.ServiceURL, Is.EqualTo("http://127.0.0.1:9000/"));
    }

    [Test]
    public void S3ForAws_KeepsVirtualHostsAndChecksums()
    {
        using var client = AwsClientFactory.CreateS3(new AwsClientSettings("eu-west-1", AccessKeyId: "a", SecretAccessKey: "b"));

        var config = (AmazonS3Config)client.Config;
        Assert.That(config.ForcePathStyle, Is.False);
        Assert.That(config.RequestChecksumCalculation, Is.EqualTo(RequestChecksumCalculation.WHEN_SUPPORTED));
        Assert.That(config.RegionEndpoint, Is.EqualTo(RegionEndpoint.EUWest1));
    }

    [Test]
    public void DynamoDbWithARegion_UsesIt()
    {
        using var client = AwsClientFactory.CreateDynamoDb(new AwsClientSettings("eu-central-1", AccessKeyId: "a", SecretAccessKey: "b"));

        Assert.That(client.Config.RegionEndpoint, Is.EqualTo(RegionEndpoint.EUCentral1));
    }

    [Test]
    public void WithCallLimits_BoundsEveryAttemptAndTheRetries()
    {
        var limits = new AwsCallLimits(TimeSpan.FromSeconds(4), MaxErrorRetry: 2);
        using var dynamoDb = AwsClientFactory.CreateDynamoDb(new AwsClientSettings("eu-central-1", AccessKeyId: "a", SecretAccessKey: "b"), limits);
        using var s3 = AwsClientFactory.CreateS3(new AwsClientSettings("eu-central-1", AccessKeyId: "a", SecretAccessKey: "b"), limits);

        foreach (var config in new[] { dynamoDb.Config, s3.Config })
        {
            Assert.That(config.Timeout, Is.EqualTo(TimeSpan.FromSeconds(4)));
            Assert.That(config.MaxErrorRetry, Is.EqualTo(2));
            Assert.That(config.RetryMode, Is.EqualTo(RequestRetryMode.Standard));
        }
    }

    [Test]
    public void HalfACredential_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => AwsClientFactory.CreateDynamoDb(new AwsClientSettings("eu-west-1", AccessKeyId: "a")));
        Assert.Throws<ArgumentException>(() => AwsClientFactory.CreateS3(new AwsClientSettings("eu-west-1", SecretAccessKey: "b")));
    }

    [Test]
    public void ARelativeOrNonHttpServiceUrl_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => AwsClientFactory.CreateDynamoDb(AwsClientSettings.ForLocalEndpoint(new Uri("ftp://127.0.0.1:21"))));
    }

    [Test]
    public void StorageNames_FromSettings_ReadsTheVariablesOfTheSchemaAndNamesAMissingOne()
    {
        var settings = StorageNames.Prefixed("dev-").ToSettings();

        Assert.That(StorageNames.FromSettings(n => settings.GetValueOrDefault(n)), Is.EqualTo(StorageNames.Prefixed("dev-")));
        var e = Assert.Throws<InvalidOperationException>(() => StorageNames.FromSettings(n => n == StorageSchema.Payments.EnvironmentVariable ? " " : settings.GetValueOrDefault(n)));
        Assert.That(e!.Message, Does.Contain("PAYMENTS_TABLE"));
    }
}
