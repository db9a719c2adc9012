using System.Net;
using System.Runtime.InteropServices;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.Util;
using OrderProcessing.Core.Invoices;
using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Adapters.S3;

/// <summary>
/// <see cref="IInvoiceStore"/> on a private S3 bucket: one object per order under the schema's key prefix, handed out
/// through short-lived presigned GET links so the bucket never needs public access.
/// </summary>
public sealed class S3InvoiceStore : IInvoiceStore
{
    /// <summary>The longest link SigV4 allows.</summary>
    public static readonly TimeSpan MaxLinkLifetime = TimeSpan.FromDays(7);

    private const string PdfContentType = "application/pdf";
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _prefix;

    /// <summary>Creates the store on bucket <paramref name="bucketName"/> (the value of <c>INVOICES_BUCKET</c>), under <paramref name="keyPrefix"/> (default: the schema's).</summary>
    public S3InvoiceStore(IAmazonS3 client, string bucketName, string? keyPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        _client = client;
        _bucket = bucketName;
        _prefix = keyPrefix ?? StorageSchema.Invoices.KeyPrefix;
    }

    /// <inheritdoc />
    public async Task<string> PutAsync(string orderId, ReadOnlyMemory<byte> pdf, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var key = InvoiceKeys.For(orderId, _prefix);
        var bytes = MemoryMarshal.TryGetArray(pdf, out var segment) && segment.Array is { } array
            ? new MemoryStream(array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(pdf.ToArray(), writable: false);
        await using (bytes.ConfigureAwait(false))
        {
            var request = new PutObjectRequest
            {
                BucketName = _bucket,
                Key = key,
                InputStream = bytes,
                ContentType = PdfContentType,

                // One plainly signed body instead of aws-chunked framing: identical on S3, and the only form
                // S3-compatible test servers (s3rver) store byte for byte. Invoices are small, so nothing is lost.
                UseChunkEncoding = false,
                AutoCloseStream = false,
            };
            await AwsErrors.RunAsync($"PutObject {_bucket}/{key}", ct => _client.PutObjectAsync(request, ct), cancellationToken).ConfigureAwait(false);
        }

        return key;
    }

    /// <inheritdoc />
    public async Task<byte[]?> GetAsync(string orderId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        var key = InvoiceKeys.For(orderId, _prefix);
        try
        {
            return await AwsErrors.RunAsync(
                $"GetObject {_bucket}/{key}",
                async ct =>
                {
                    using var response = await _client.GetObjectAsync(new GetObjectRequest { BucketName = _bucket, Key = key }, ct).ConfigureAwait(false);
                    using var buffer = new MemoryStream();
                    await response.ResponseStream.CopyToAsync(buffer, ct).ConfigureAwait(false);
                    return buffer.ToArray();
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>The link is signed locally, without a request to S3 and without checking that the object exists.</remarks>
    public async Task<Uri?> GetDownloadLinkAsync(string orderId, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(orderId);
        if (lifetime < TimeSpan.FromSeconds(1) || lifetime > MaxLinkLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, $"A link lives between 1 second and {MaxLinkLifetime.TotalDays} days.");
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = _bucket,
            Key = InvoiceKeys.For(orderId, _prefix),
            Verb = HttpVerb.GET,

            // The SDK turns this absolute time back into X-Amz-Expires with its own (skew-corrected) clock, so it is
            // computed from that clock too. Local endpoints speak plain HTTP; the SDK would otherwise sign an https URL.
            Expires = AWSSDKUtils.CorrectedUtcNow.Add(lifetime),
            Protocol = _client.Config.ServiceURL is { } url && url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
            ResponseHeaderOverrides = new ResponseHeaderOverrides
            {
                ContentType = PdfContentType,
                ContentDisposition = $"inline; filename=\"invoice-{orderId}.pdf\"",
            },
        };
        var link = await _client.GetPreSignedURLAsync(request).ConfigureAwait(false);
        return new Uri(link);
    }
}
