using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using MimeKit;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Adapters.Ses;
using OrderProcessing.Functions.Notifications;
using OrderProcessing.Testing.Orders;
using OrderProcessing.Testing.Time;

namespace OrderProcessing.Functions.Tests.Notifications;

/// <summary>The SES v2 SendEmail call as it leaves the function: raw MIME in the body, SigV4 headers, errors mapped for retry.</summary>
public sealed class SesMailTransportTests
{
    private static readonly ImmutableCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token");

    [Test]
    public async Task Send_PostsTheRawMessageToSendEmail_SignedWithSigV4()
    {
        var handler = new SesStubHandler(HttpStatusCode.OK, "{\"MessageId\":\"ses-123\"}");
        var transport = Transport(handler, "customer-mail");
        var message = Message();

        var id = await transport.SendAsync(message);

        var request = handler.Requests.Single();
        using var body = JsonDocument.Parse(request.Body);
        var raw = MimeMessage.Load(new MemoryStream(body.RootElement.GetProperty("Content").GetProperty("Raw").GetProperty("Data").GetBytesFromBase64()));
        Assert.Multiple(() =>
        {
            Assert.That(id, Is.EqualTo("ses-123"));
            Assert.That(request.Uri, Is.EqualTo(new Uri("https://email.eu-west-1.amazonaws.com/v2/email/outbound-emails")));
            Assert.That(request.Authorization, Does.StartWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250314/eu-west-1/ses/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature="));
            Assert.That(request.Headers["x-amz-date"], Is.EqualTo("20250314T092653Z"));
            Assert.That(request.Headers["x-amz-security-token"], Is.EqualTo("session-token"));
            Assert.That(body.RootElement.GetProperty("FromEmailAddress").GetString(), Is.EqualTo("shop@example.com"));
            Assert.That(body.RootElement.GetProperty("Destination").GetProperty("ToAddresses").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "zoe@example.com" }));
            Assert.That(body.RootElement.GetProperty("ConfigurationSetName").GetString(), Is.EqualTo("customer-mail"));
            Assert.That(raw.MessageId, Is.EqualTo(message.MessageId));
            Assert.That(Encoding.ASCII.GetString(body.RootElement.GetProperty("Content").GetProperty("Raw").GetProperty("Data").GetBytesFromBase64()), Does.Contain("\r\n"), "CRLF line ends on the wire");
        });
    }

    [TestCase(HttpStatusCode.TooManyRequests, typeof(TransientFailureException))]
    [TestCase(HttpStatusCode.ServiceUnavailable, typeof(TransientFailureException))]
    [TestCase(HttpStatusCode.BadRequest, typeof(InvalidOperationException))]
    public void Send_Refused_ThrowsSoTheMessageIsRetried(HttpStatusCode status, Type expected)
    {
        var transport = Transport(new SesStubHandler(status, "{\"message\":\"Email address is not verified.\"}"), null);

        Assert.That(() => transport.SendAsync(Message()), Throws.TypeOf(expected).With.Message.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static SesMailTransport Transport(SesStubHandler handler, string? configurationSet) =>
        new(new HttpClient(handler), "eu-west-1", _ => Task.FromResult(Credentials), configurationSet, TestClock.New());

    private static MimeMessage Message() =>
        new CustomerMailComposer("Shop <shop@example.com>", "Shop").Compose(new OrderBuilder().WithCustomer("c-1", "zoe@example.com", "Zoë").Build(), CustomerMailKind.OrderReceived);

    private sealed class SesStubHandler(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public List<(Uri Uri, string Authorization, Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
            Requests.Add((request.RequestUri!, headers.GetValueOrDefault("authorization", ""), headers, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }
}
