using System.Globalization;
using System.Net;
using System.Web;
using Amazon.S3.Model;
using OrderProcessing.Functions.Adapters.S3;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Integration.Tests.Support;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.S3;

/// <summary>
/// The S3 invoice store against s3rver: objects stored as PDFs, and presigned links that serve the bytes and then
/// expire. s3rver does not verify SigV4 signatures but does refuse a presigned request past
/// <c>X-Amz-Date + X-Amz-Expires</c>, so the expiry below is enforced by the server, not merely present in the URL.
/// </summary>
[TestFixture]
public sealed class S3InvoiceStoreTests
{
    private readonly SandboxTracker _sandboxes = new();
    private readonly HttpClient _http = new();

    [TearDown]
    public void EveryRequestFollowsTheDeclaredAccessPatterns() => _sandboxes.AssertAccessPatterns();

    [OneTimeTearDown]
    public async Task DisposeAll()
    {
        _http.Dispose();
        await _sandboxes.DisposeAsync();
    }

    [Test]
    public async Task Put_StoresAPdfObjectUnderTheInvoicesPrefix()
    {
        var (store, storage) = await CreateAsync();
        var pdf = "%PDF-1.7\n%\u00e2\u00e3\n"u8.ToArray();

        await store.PutAsync("o-1", pdf);
        AccessPatterns.AssertDeclared(storage);

        // Inspected directly, outside the adapter's access patterns.
        var head = await storage.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = storage.Names.Bucket(StorageSchema.Invoices), Key = "invoices/o-1.pdf" });
        storage.Requests.Clear();
        Assert.That(head.Headers.ContentType, Is.EqualTo("application/pdf"));
        Assert.That(head.Headers.ContentLength, Is.EqualTo(pdf.Length), "a plain body: no aws-chunked framing stored");
    }

    [Test]
    public async Task DownloadLink_ServesTheBytesThenExpires()
    {
        var (store, _) = await CreateAsync();
        var pdf = new byte[100_000];
        new Random(7).NextBytes(pdf);
        await store.PutAsync("o-1", pdf);

        var link = (await store.GetDownloadLinkAsync("o-1", TimeSpan.FromSeconds(2)))!;
        using (var fresh = await _http.GetAsync(link))
        {
            Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(fresh.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(await fresh.Content.ReadAsByteArrayAsync(), Is.EqualTo(pdf));
        }

        // Wait until past the signed expiry (with a second of margin for the server's whole-second clock), then ask again.
        var query = HttpUtility.ParseQueryString(link.Query);
        var signedAt = DateTimeOffset.ParseExact(query["X-Amz-Date"]!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var expiresAt = signedAt.AddSeconds(int.Parse(query["X-Amz-Expires"]!, CultureInfo.InvariantCulture));
        var wait = expiresAt.AddSeconds(1.5) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        using var expired = await _http.GetAsync(link);
        Assert.That(expired.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await expired.Content.ReadAsStringAsync(), Does.Contain("Request has expired"));
    }

    [Test]
    public async Task DownloadLink_IsSignedForTheRequestedLifetime()
    {
        var (store, storage) = await CreateAsync();

        var link = (await store.GetDownloadLinkAsync("o-1", TimeSpan.FromMinutes(15)))!;

        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.That(int.Parse(query["X-Amz-Expires"]!, CultureInfo.InvariantCulture), Is.InRange(899, 901), "the SDK rounds to whole seconds");
        Assert.That(query["X-Amz-Algorithm"], Is.EqualTo("AWS4-HMAC-SHA256"));
        Assert.That(link.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(storage.S3Settings!.ServiceUrl!, $"{storage.Names.Bucket(StorageSchema.Invoices)}/invoices/o-1.pdf").ToString()), "path-style, plain http on the local endpoint");
    }

    [Test]
    public async Task DownloadLink_LifetimeOutOfRange_IsRejected()
    {
        var (store, _) = await CreateAsync();

        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetDownloadLinkAsync("o-1", TimeSpan.Zero));
        Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.GetDownloadLinkAsync("o-1", TimeSpan.FromDays(8)));
    }

    [Test]
    public async Task DownloadLink_ForAMissingInvoice_IsNotFound()
    {
        var (store, _) = await CreateAsync();

        var link = (await store.GetDownloadLinkAsync("o-404", TimeSpan.FromMinutes(1)))!;

        using var response = await _http.GetAsync(link);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    private async Task<(S3InvoiceStore Store, StorageSandbox Storage)> CreateAsync()
    {
        var storage = await _sandboxes.CreateAsync(withBucket: true);
        return (new S3InvoiceStore(storage.S3, storage.Names.Bucket(StorageSchema.Invoices)), storage);
    }
}
