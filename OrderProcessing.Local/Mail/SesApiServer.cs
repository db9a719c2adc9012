using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using OrderProcessing.Functions.Adapters.Ses;
using OrderProcessing.Functions.Notifications;

namespace OrderProcessing.Local.Mail;

/// <summary>
/// The SES v2 endpoint the local host serves to functions running as child processes: the one call
/// <see cref="SesMailTransport"/> makes, <c>SendEmail</c> (<c>POST /v2/email/outbound-emails</c>) with raw content, on
/// 127.0.0.1. The request is decoded with the transport's own types (<see cref="SesJsonContext"/>), the raw MIME parsed
/// with MimeKit and handed to the host's local mail transport (outbox or SMTP); the answer is what SES answers.
/// </summary>
/// <remarks>
/// Why: in process mode the <c>notify-customer</c> child runs the very adapter it runs in Lambda, so it can only send
/// through SES; pointing it here (<c>AWS_ENDPOINT_URL_SESV2</c>) delivers its e-mail locally with no local-only code in
/// the function, as the DynamoDB endpoint does for storage. Answers: <c>200 {"MessageId"}</c>; <c>400</c>
/// <c>BadRequestException</c> for a body that is not a raw <c>SendEmail</c> or whose message cannot be sent (no sender,
/// no recipient); <c>500</c> <c>InternalServiceErrorException</c> when the local transport fails, which the transport
/// treats as transient, so the message is retried and then dead-lettered as in AWS. Signatures are not checked: the
/// endpoint listens on loopback only, for the host's own children.
/// </remarks>
public sealed partial class SesApiServer : IAsyncDisposable
{
    /// <summary>The path of SES v2 <c>SendEmail</c>.</summary>
    public const string SendEmailPath = "/v2/email/outbound-emails";

    // SES takes messages up to 40 MB; the JSON carries them in base64, a third larger.
    private const long MaxRequestBytes = 64L * 1024 * 1024;

    private readonly WebApplication _app;
    private readonly IMailTransport _transport;
    private readonly ILogger _logger;

    private SesApiServer(WebApplication app, IMailTransport transport, ILogger logger)
    {
        _app = app;
        _transport = transport;
        _logger = logger;
    }

    /// <summary>The endpoint, for the functions' <c>AWS_ENDPOINT_URL_SESV2</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Starts the endpoint on a free loopback port, delivering through <paramref name="transport"/>.</summary>
    public static async Task<SesApiServer> StartAsync(IMailTransport transport, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(logger);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = MaxRequestBytes;
        });
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        var server = new SesApiServer(app, transport, logger);
        app.MapPost(SendEmailPath, server.SendEmailAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri($"http://127.0.0.1:{new Uri(address).Port.ToString(CultureInfo.InvariantCulture)}");
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task SendEmailAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        SesSendEmailRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync(context.Request.Body, SesJsonContext.Default.SesSendEmailRequest, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequestException", $"The body is not a SendEmail request with raw content: {e.Message}").ConfigureAwait(false);
            return;
        }

        if (request is null)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequestException", "The body is not a SendEmail request with raw content: it is null.").ConfigureAwait(false);
            return;
        }

        // Required members may still be given as null; SES calls that a bad request too.
        if (request.Content?.Raw?.Data is not { } data || string.IsNullOrWhiteSpace(request.FromEmailAddress))
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequestException", "SendEmail needs FromEmailAddress and Content.Raw.Data.").ConfigureAwait(false);
            return;
        }

        MimeMessage message;
        try
        {
            using var raw = new MemoryStream(data, writable: false);
            message = await MimeMessage.LoadAsync(raw, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException e)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequestException", $"The raw content is not a MIME message: {e.Message}").ConfigureAwait(false);
            return;
        }

        using (message)
        {
            if (message.From.Mailboxes.Count() != 1 || !message.GetRecipients().Any())
            {
                await ErrorAsync(context, StatusCodes.Status400BadRequest, "BadRequestException", "The raw message needs one From address and at least one recipient.").ConfigureAwait(false);
                return;
            }

            string messageId;
            try
            {
                messageId = await _transport.SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Whatever the local transport says (server down, refused), the function is told to try again, as it
                // would be by an SES outage; its message is retried and then dead-lettered, and the cause is in its log.
                LogTransportFailed(_logger, e, message.Subject ?? "");
                await ErrorAsync(context, StatusCodes.Status500InternalServerError, "InternalServiceErrorException", $"The local mail transport did not take the e-mail: {e.Message}").ConfigureAwait(false);
                return;
            }

            LogSent(_logger, message.Subject ?? "", messageId);
            context.Response.ContentType = "application/json";
            await JsonSerializer.SerializeAsync(context.Response.Body, new SesSendEmailResponse { MessageId = messageId }, SesJsonContext.Default.SesSendEmailResponse, cancellationToken).ConfigureAwait(false);
        }
    }

    // SES v2 speaks REST-JSON: the error's name in x-amzn-ErrorType, its message in the body.
    private static async Task ErrorAsync(HttpContext context, int status, string errorType, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-amzn-ErrorType"] = errorType;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, new SesErrorResponse { Message = message }, SesJsonContext.Default.SesErrorResponse, context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "SES endpoint: sent \"{Subject}\" as {MessageId}")]
    private static partial void LogSent(ILogger logger, string subject, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SES endpoint: the local mail transport did not take \"{Subject}\"; answered 500 so the function retries")]
    private static partial void LogTransportFailed(ILogger logger, Exception exception, string subject);
}
