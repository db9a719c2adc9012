using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.Ses;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Local.Mail;
using OrderProcessing.Testing.Orders;

namespace OrderProcessing.Local.Tests.Mail;

/// <summary>
/// The host's SES v2 endpoint for functions in process mode, called by the functions' own <see cref="SesMailTransport"/>
/// or with hand-made bodies: a raw SendEmail reaches the local transport; a bad request is SES's 400; a local transport
/// that fails is a 5xx, which the function's transport retries.
/// </summary>
public sealed class SesApiServerTests
{
    private static readonly ImmutableCredentials Credentials = new("local", "local", null);

    [Test]
    public async Task SendEmail_FromTheFunctionsTransport_HandsTheSameMessageToTheLocalTransport()
    {
        var local = new RecordingTransport();
        await using var server = await SesApiServer.StartAsync(local, NullLogger.Instance, CancellationToken.None);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7 not really, but binary enough: \u0001\u00ff");
        var message = Message(CustomerMailKind.Completed, new InvoiceForMail("INV-1", pdf, null));

        var id = await FunctionsTransport(server).SendAsync(message);

        var received = local.Messages.Single();
        using var attachment = new MemoryStream();
        await received.Attachments.OfType<MimePart>().Single().Content!.DecodeToAsync(attachment);
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo(RecordingTransport.Id(message.MessageId)), "SES's MessageId is what the local transport answered");
            Assert.That(received.MessageId, Is.EqualTo(message.MessageId));
            Assert.That(received.Subject, Is.EqualTo(message.Subject));
            Assert.That(received.From.Mailboxes.Single().Address, Is.EqualTo("shop@example.com"));
            Assert.That(received.To.Mailboxes.Single().Name, Is.EqualTo("Zoë Ångström"));
            Assert.That(received.Headers["X-Order-Id"], Is.EqualTo(message.Headers["X-Order-Id"]));
            Assert.That(received.TextBody, Is.EqualTo(message.TextBody));
            Assert.That(attachment.ToArray(), Is.EqualTo(pdf));
        });
    }

    [TestCase("{\"FromEmailAddress\":", TestName = "SendEmail_BodyNotJson_IsSesBadRequest")]
    [TestCase("{\"FromEmailAddress\":\"shop@example.com\",\"Destination\":{\"ToAddresses\":[\"zoe@example.com\"]}}", TestName = "SendEmail_WithoutContent_IsSesBadRequest")]
    [TestCase("{\"FromEmailAddress\":\"shop@example.com\",\"Destination\":{\"ToAddresses\":[\"zoe@example.com\"]},\"Content\":null}", TestName = "SendEmail_NullContent_IsSesBadRequest")]
    [TestCase("{\"FromEmailAddress\":\"shop@example.com\",\"Destination\":{\"ToAddresses\":[\"zoe@example.com\"]},\"Content\":{\"Raw\":{\"Data\":\"%%% not base64\"}}}", TestName = "SendEmail_RawDataNotBase64_IsSesBadRequest")]
    [TestCase("{\"FromEmailAddress\":\"shop@example.com\",\"Destination\":{\"ToAddresses\":[\"zoe@example.com\"]},\"Content\":{\"Raw\":{\"Data\":\"\"}}}", TestName = "SendEmail_RawDataEmpty_IsSesBadRequest")]
    [TestCase("{\"FromEmailAddress\":\"shop@example.com\",\"Destination\":{\"ToAddresses\":[\"zoe@example.com\"]},\"Content\":{\"Raw\":{\"Data\":\"U3ViamVjdDogaGkNCg0KYm9keQ0K\"}}}", TestName = "SendEmail_RawMessageWithoutSenderOrRecipient_IsSesBadRequest")]
    public async Task SendEmail_Malformed_IsSesBadRequest(string body)
    {
        var local = new RecordingTransport();
        await using var server = await SesApiServer.StartAsync(local, NullLogger.Instance, CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.Endpoint, SesApiServer.SendEmailPath), new StringContent(body, Encoding.UTF8, "application/json"));

        var error = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), SesJsonContext.Default.SesErrorResponse);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Headers.GetValues("x-amzn-ErrorType").Single(), Is.EqualTo("BadRequestException"));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(error?.Message, Is.Not.Empty);
            Assert.That(local.Messages, Is.Empty, "nothing is sent");
        });
    }

    [TestCase(true, TestName = "SendEmail_LocalTransportFailsTransiently_Is5xxTheFunctionRetries")]
    [TestCase(false, TestName = "SendEmail_LocalTransportRefuses_Is5xxTheFunctionRetries")]
    public async Task SendEmail_LocalTransportFails_Is5xxTheFunctionRetries(bool transient)
    {
        Exception failure = transient ? new TransientFailureException("SMTP server 127.0.0.1:1 did not take the e-mail") : new InvalidOperationException("SMTP server refused the e-mail: 550");
        await using var server = await SesApiServer.StartAsync(new RecordingTransport(failure), NullLogger.Instance, CancellationToken.None);
        var request = Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(
            new SesSendEmailRequest
            {
                FromEmailAddress = "shop@example.com",
                Destination = new SesDestination { ToAddresses = ["zoe@example.com"] },
                Content = new SesContent { Raw = new SesRawMessage { Data = Raw(Message(CustomerMailKind.OrderReceived)) } },
            },
            SesJsonContext.Default.SesSendEmailRequest));
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.Endpoint, SesApiServer.SendEmailPath), new StringContent(request, Encoding.UTF8, "application/json"));
        var error = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), SesJsonContext.Default.SesErrorResponse);

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.GreaterThanOrEqualTo(500));
            Assert.That(response.Headers.GetValues("x-amzn-ErrorType").Single(), Is.EqualTo("InternalServiceErrorException"));
            Assert.That(error?.Message, Does.Contain(failure.Message));

            // What the function makes of it: a transient failure, so its message is retried, then dead-lettered.
            Assert.That(() => FunctionsTransport(server).SendAsync(Message(CustomerMailKind.OrderReceived)), Throws.TypeOf<TransientFailureException>().With.Message.Contains(failure.Message));
        });
    }

    private static SesMailTransport FunctionsTransport(SesApiServer server) =>
        new(new HttpClient(), "us-east-1", _ => Task.FromResult(Credentials), "customer-mail", TimeProvider.System, server.Endpoint);

    private static MimeMessage Message(CustomerMailKind kind, InvoiceForMail? invoice = null)
    {
        var order = new OrderBuilder().WithCustomer("c-1", "zoe@example.com", "Zoë Ångström").Build();
        return new CustomerMailComposer("Shop <shop@example.com>", "Shop").Compose(order, kind, invoice);
    }

    private static byte[] Raw(MimeMessage message)
    {
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        return raw.ToArray();
    }

    // The host's mail transport as the endpoint sees it: records what it is given (as bytes: the endpoint disposes the
    // message once sent), or fails with the given exception.
    private sealed class RecordingTransport(Exception? failure = null) : IMailTransport
    {
        private readonly List<byte[]> _messages = [];

        public IReadOnlyList<MimeMessage> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages.Select(m => MimeMessage.Load(new MemoryStream(m)))];
                }
            }
        }

        public static string Id(string? messageId) => $"local-{messageId}";

        public Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
        {
            if (failure is not null)
            {
                throw failure;
            }

            lock (_messages)
            {
                _messages.Add(Raw(message));
            }

            return Task.FromResult(Id(message.MessageId));
        }
    }
}
