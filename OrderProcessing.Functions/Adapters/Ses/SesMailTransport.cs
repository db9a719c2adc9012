using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using MimeKit;
using OrderProcessing.Core.Common;
using OrderProcessing.Functions.Notifications;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>
/// Sends customer e-mail through Amazon SES v2 <c>SendEmail</c> with raw MIME content, called over HTTPS and signed with
/// Signature Version 4 by AWSSDK.Core's <see cref="AWS4Signer"/> (no SES SDK is available here, and none is needed for one
/// call). The function's role may call <c>ses:SendEmail</c> on the stack's identity and configuration set only.
/// Throttling, 5xx and network failures are <see cref="TransientFailureException"/>s; any other refusal is an
/// <see cref="InvalidOperationException"/> naming SES's error. Either way the message is retried, then dead-lettered.
/// </summary>
public sealed class SesMailTransport : IMailTransport
{
    private const string Service = "ses";
    private const string Path = "/v2/email/outbound-emails";
    // Internet messages end lines with CRLF whatever the platform's default.
    private static readonly FormatOptions WireFormat = new() { NewLineFormat = NewLineFormat.Dos };
    private readonly HttpClient _http;
    private readonly Uri? _endpoint;
    private readonly Lazy<string> _region;
    private readonly Func<CancellationToken, Task<ImmutableCredentials>> _credentials;
    private readonly string? _configurationSet;
    private readonly TimeProvider _clock;

    /// <summary>Creates the transport for <paramref name="region"/>, sending through <paramref name="configurationSet"/> when given.</summary>
    /// <param name="http">The HTTP client.</param>
    /// <param name="region">The SES region (the function's).</param>
    /// <param name="credentials">The caller's credentials (in Lambda: the role's, from the environment).</param>
    /// <param name="configurationSet">The configuration set, or null.</param>
    /// <param name="clock">Time for the signature.</param>
    /// <param name="endpoint">The SES endpoint; <c>https://email.{region}.amazonaws.com</c> when null.</param>
    public SesMailTransport(HttpClient http, string region, Func<CancellationToken, Task<ImmutableCredentials>> credentials, string? configurationSet, TimeProvider clock, Uri? endpoint = null)
        : this(http, () => region, credentials, configurationSet, clock, endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
    }

    // The region is read when the first e-mail is sent, so composing the function (and its tests) needs no AWS_REGION.
    private SesMailTransport(HttpClient http, Func<string> region, Func<CancellationToken, Task<ImmutableCredentials>> credentials, string? configurationSet, TimeProvider clock, Uri? endpoint)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(clock);
        _http = http;
        _region = new Lazy<string>(region);
        _credentials = credentials;
        _configurationSet = string.IsNullOrWhiteSpace(configurationSet) ? null : configurationSet;
        _clock = clock;
        _endpoint = endpoint;
    }

    /// <summary>The transport of a Lambda function: the region and credentials from the environment, through the SDK's default resolver.</summary>
    /// <param name="configurationSet">The configuration set, or null.</param>
    /// <param name="clock">Time for the signature.</param>
    /// <param name="endpoint">An SES v2-compatible endpoint (the local host's in process mode); AWS's when null.</param>
    /// <param name="attemptTimeout">Longest wait for SES's answer to one request; 10 s when null. The caller's token bounds the send as a whole.</param>
    public static SesMailTransport FromEnvironment(string? configurationSet, TimeProvider clock, Uri? endpoint = null, TimeSpan? attemptTimeout = null)
    {
        var resolver = new Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver();
        return new SesMailTransport(
            new HttpClient { Timeout = attemptTimeout ?? TimeSpan.FromSeconds(10) },
            () => Environment.GetEnvironmentVariable("AWS_REGION") ?? throw new InvalidOperationException("AWS_REGION is not set; Lambda sets it for every function."),
            async ct => await (await resolver.ResolveIdentityAsync(null, ct).ConfigureAwait(false)).GetCredentialsAsync().ConfigureAwait(false),
            configurationSet,
            clock,
            endpoint);
    }

    /// <inheritdoc />
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var raw = new MemoryStream();
        await message.WriteToAsync(WireFormat, raw, cancellationToken).ConfigureAwait(false);
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new SesSendEmailRequest
            {
                FromEmailAddress = message.From.Mailboxes.Single().Address,
                Destination = new SesDestination { ToAddresses = [.. message.To.Mailboxes.Select(m => m.Address)] },
                Content = new SesContent { Raw = new SesRawMessage { Data = raw.ToArray() } },
                ConfigurationSetName = _configurationSet,
            },
            SesJsonContext.Default.SesSendEmailRequest);

        using var request = await SignedRequestAsync(body, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientFailureException($"SES could not be reached: {e.Message}", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                var answer = JsonSerializer.Deserialize(text, SesJsonContext.Default.SesSendEmailResponse);
                return answer?.MessageId ?? throw new InvalidDataException("SES accepted the e-mail but returned no MessageId.");
            }

            var error = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First() : "unknown";
            var description = $"SES refused the e-mail: HTTP {(int)response.StatusCode} {error}: {text}";
            throw response.StatusCode is HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                ? new TransientFailureException(description)
                : new InvalidOperationException(description);
        }
    }

    /// <summary>The signed <c>SendEmail</c> request carrying <paramref name="body"/>.</summary>
    internal async Task<HttpRequestMessage> SignedRequestAsync(byte[] body, CancellationToken cancellationToken)
    {
        var credentials = await _credentials(cancellationToken).ConfigureAwait(false);
        var signedAt = _clock.GetUtcNow().UtcDateTime;
        var amzDate = signedAt.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var endpoint = _endpoint ?? new Uri($"https://email.{_region.Value}.amazonaws.com");
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port.ToString(CultureInfo.InvariantCulture)}";
        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(body));

        // Canonical headers, lower-case and sorted; the session token is signed too when the credentials have one.
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/json",
            ["host"] = host,
            ["x-amz-content-sha256"] = payloadHash,
            ["x-amz-date"] = amzDate,
        };
        if (credentials.UseToken)
        {
            headers["x-amz-security-token"] = credentials.Token;
        }

        var signedHeaders = string.Join(";", headers.Keys);
        var canonical = new StringBuilder()
            .Append("POST\n").Append(Path).Append("\n\n")
            .Append(string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(payloadHash)
            .ToString();
        var signature = AWS4Signer.ComputeSignature(credentials, _region.Value, signedAt, Service, signedHeaders, canonical);

        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(endpoint, Path)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith("x-amz-", StringComparison.Ordinal)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
        return request;
    }
}
