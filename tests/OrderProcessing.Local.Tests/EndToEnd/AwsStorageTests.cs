using System.Net;
using System.Text;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Local.Tests.Support;

namespace OrderProcessing.Local.Tests.EndToEnd;

/// <summary>
/// The host on the DynamoDB and S3 adapters, against dynalite and s3rver (no streams: the in-process change feed drives
/// the stages), creating the schema's tables and bucket; and an order left unfinished by a stop finishes after a restart.
/// </summary>
[NonParallelizable]
public sealed class AwsStorageTests
{
    [Test]
    public async Task AwsStorage_OnDynaliteAndS3rver_CompletesOrdersIncludingOneLeftWaitingAcrossARestart()
    {
        await using var dynamo = await NpmTestServers.DynaliteAsync();
        await using var s3 = await NpmTestServers.S3rverAsync();
        string[] storage = ["--storage", "aws", "--dynamodb-endpoint", dynamo.ServiceUrl.ToString(), "--s3-endpoint", s3.ServiceUrl.ToString(), "--delivery-delay-ms", "0"];
        var credentials = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "S3RVER" };
        string waiting;

        await using (var first = await TestHost.StartAsync(credentials, [.. storage, "--create-tables"]))
        {
            using var api = new ApiClient(first.BaseAddress);
            var completed = await api.PlaceAsync("sku-cafe", 1, "tok_visa");
            var orderId = completed.GetProperty("orderId").GetString()!;
            await api.WaitForStatusAsync(orderId, "COMPLETED");

            // The invoice lives in the bucket: the API redirects to a presigned link on s3rver.
            using (var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = first.BaseAddress })
            using (var redirect = await noRedirect.GetAsync(new Uri($"orders/{orderId}/invoice", UriKind.Relative)))
            {
                Assert.That(redirect.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
                Assert.That(redirect.Headers.Location!.GetLeftPart(UriPartial.Authority), Is.EqualTo(s3.ServiceUrl.GetLeftPart(UriPartial.Authority)));
            }

            var pdf = await api.Http.GetByteArrayAsync(new Uri($"orders/{orderId}/invoice", UriKind.Relative));
            Assert.That(Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));

            await api.PostAsync("_local/stages/ship-order/pause");
            var held = await api.PlaceAsync("sku-creme", 1, "tok_visa");
            waiting = held.GetProperty("orderId").GetString()!;
            await api.WaitForStatusAsync(waiting, "PAID");
            Assert.That(await first.InterruptAsync(), Is.Zero);
        }

        await using var second = await TestHost.StartAsync(credentials, storage);
        using var again = new ApiClient(second.BaseAddress);
        await again.WaitForStatusAsync(waiting, "COMPLETED");
        Assert.That(second.Output, Does.Contain("Queued again 1 unfinished order(s) found in storage: PAID 1"));
    }
}
