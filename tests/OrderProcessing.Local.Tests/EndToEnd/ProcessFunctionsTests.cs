using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MimeKit;
using OrderProcessing.DevTools;
using OrderProcessing.DevTools.Processes;
using OrderProcessing.Local.Tests.Support;
using OrderProcessing.Testing.Contracts;
using OrderProcessing.Testing.Pdf;
using OrderProcessing.Testing.Waiting;

namespace OrderProcessing.Local.Tests.EndToEnd;

/// <summary>
/// The host with <c>--functions process</c>: every function is the published Native AOT <c>bootstrap</c> as a child
/// process over the host's Runtime API, on dynalite and s3rver, and a whole order still completes and mails its customer
/// (the <c>notify-customer</c> child sends through SES, served by the host into its outbox).
/// </summary>
[NonParallelizable]
public sealed class ProcessFunctionsTests
{
    private static readonly string FunctionsPath = Path.Combine(RepositoryRoot.Path, "artifacts", "functions");

    [Test]
    public async Task ProcessMode_OnDynaliteAndS3rver_CompletesAnOrderMailsItsCustomerAndRestartsTheApiChildAfterACrash()
    {
        // Never skipped: without the binary this mode is untested, which must show as a failure.
        Assert.That(File.Exists(Path.Combine(FunctionsPath, "bootstrap")), Is.True,
            $"No {FunctionsPath}/bootstrap: run scripts/publish-functions.sh first (scripts/test.sh does).");
        await using var dynamo = await NpmTestServers.DynaliteAsync();
        await using var s3 = await NpmTestServers.S3rverAsync();
        var outbox = Directory.CreateTempSubdirectory("process-outbox-");
        try
        {
            var credentials = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "S3RVER" };
            await using var host = await TestHost.StartAsync(credentials,
                "--functions", "process", "--functions-path", FunctionsPath, "--mail-outbox", outbox.FullName,
                "--storage", "aws", "--dynamodb-endpoint", dynamo.ServiceUrl.ToString(), "--s3-endpoint", s3.ServiceUrl.ToString(), "--create-tables", "--delivery-delay-ms", "0");
            await CompletesAnOrderMailsItsCustomerAndRestartsTheApiChildAfterACrashAsync(host, outbox.FullName);
        }
        finally
        {
            outbox.Delete(recursive: true);
        }
    }

    private static async Task CompletesAnOrderMailsItsCustomerAndRestartsTheApiChildAfterACrashAsync(LocalHostProcess host, string outbox)
    {
        using var api = new ApiClient(host.BaseAddress);

        var placed = await api.PlaceAsync("sku-cafe", 1, "tok_visa");
        var orderId = placed.GetProperty("orderId").GetString()!;
        var completed = await api.WaitForStatusAsync(orderId, "COMPLETED");
        var pdf = await api.Http.GetByteArrayAsync(new Uri($"orders/{orderId}/invoice", UriKind.Relative));

        Assert.That(completed.GetProperty("invoiceAvailable").GetBoolean(), Is.True);
        Assert.That(Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));

        // The AOT child serves the HTTP API's contract embedded in it: the committed file itself.
        var contract = await api.Http.GetStringAsync(new Uri("openapi.json", UriKind.Relative));
        Assert.That(contract, Is.EqualTo(await File.ReadAllTextAsync(HttpApiContract.FullPath)));

        // The notify-customer child sent its three e-mails through SES; the host's SES endpoint wrote them to the outbox.
        await Eventually.TrueAsync(() => Emails(outbox).Count >= 3, "the order's three e-mails are in the outbox");
        var mails = Emails(outbox).Select(f => MimeMessage.Load(f)).ToList();
        var invoiceMail = mails.Single(m => (m.Subject ?? "").StartsWith("Your invoice", StringComparison.Ordinal));
        using var attached = new MemoryStream();
        await invoiceMail.Attachments.OfType<MimePart>().Single().Content!.DecodeToAsync(attached);
        Assert.Multiple(() =>
        {
            Assert.That(mails.Select(m => m.Subject ?? ""), Is.EquivalentTo(new[] { $"We received your order {orderId}", $"Your order {orderId} has shipped", $"Your invoice for order {orderId}" }));
            Assert.That(mails.Select(m => m.Headers["X-Order-Id"]), Is.All.EqualTo(orderId));
            Assert.That(mails.Select(m => m.From.Mailboxes.Single().Address), Is.All.EqualTo("shop@orderprocessing.local"));
            Assert.That(PdfTools.ExtractText(attached.ToArray()), Does.Contain($"INV-{orderId}"));
        });

        // The API is that child: frozen, it answers nothing; resumed, it answers.
        var child = ChildWithHandler(host.ProcessId, "api");
        Signal("STOP", child);
        try
        {
            var reading = api.Http.GetAsync(new Uri($"orders/{orderId}", UriKind.Relative));
            await Task.Delay(500);
            Assert.That(reading.IsCompleted, Is.False, "The API answered while its child process was stopped.");
            Signal("CONT", child);
            using var answer = await reading;
            Assert.That((int)answer.StatusCode, Is.EqualTo(200));
        }
        finally
        {
            Signal("CONT", child);
        }

        // A crashed environment is replaced, as Lambda starts a new one. (An invocation the dead process had already
        // taken fails with Runtime.ExitError, as in Lambda, so the next request goes once the host saw the crash.)
        Signal("KILL", child);
        await Eventually.TrueAsync(() => host.Output.Contains("Function api's process ended", StringComparison.Ordinal), "the host sees the api process end");
        using (var again = await api.Http.GetAsync(new Uri($"orders/{orderId}", UriKind.Relative)))
        {
            Assert.That((int)again.StatusCode, Is.EqualTo(200));
        }

        Assert.That(ChildWithHandler(host.ProcessId, "api"), Is.Not.EqualTo(child));
        Assert.That(Emails(outbox), Has.Count.EqualTo(3), "no e-mail was sent twice");
    }

    // The outbox's finished .eml files (a message being written is still *.eml.partial).
    private static List<string> Emails(string outbox) =>
        [.. Directory.EnumerateFiles(outbox).Where(f => f.EndsWith(".eml", StringComparison.Ordinal))];

    [Test]
    public async Task ProcessMode_TokensChecked_TheAotApiChildKeepsEachCustomerToTheirOwnOrders()
    {
        // The AOT api child gets API_AUTH=cognito and the claims the host verified, and decides ownership itself.
        Assert.That(File.Exists(Path.Combine(FunctionsPath, "bootstrap")), Is.True,
            $"No {FunctionsPath}/bootstrap: run scripts/publish-functions.sh first (scripts/test.sh does).");
        await using var dynamo = await NpmTestServers.DynaliteAsync();
        await using var s3 = await NpmTestServers.S3rverAsync();
        var credentials = new Dictionary<string, string> { ["AWS_ACCESS_KEY_ID"] = "S3RVER", ["AWS_SECRET_ACCESS_KEY"] = "S3RVER" };
        await using var host = await TestHost.StartAsync(credentials,
            "--auth", "cognito", "--functions", "process", "--functions-path", FunctionsPath,
            "--storage", "aws", "--dynamodb-endpoint", dynamo.ServiceUrl.ToString(), "--s3-endpoint", s3.ServiceUrl.ToString(), "--create-tables", "--delivery-delay-ms", "0");
        using var api = new ApiClient(host.BaseAddress);
        var a = await MintAsync(api.Http, "c-process-a");
        var b = await MintAsync(api.Http, "c-process-b");

        using var placed = await SendAsync(api.Http, HttpMethod.Post, "orders", a, ApiClient.OrderBody("sku-cafe", 1, "tok_visa").Replace("\"c-local\"", "\"c-process-a\"", StringComparison.Ordinal));
        var text = await placed.Content.ReadAsStringAsync();
        Assert.That((int)placed.StatusCode, Is.EqualTo(201), text);
        var orderId = JsonDocument.Parse(text).RootElement.GetProperty("orderId").GetString();

        using var anonymous = await SendAsync(api.Http, HttpMethod.Get, $"orders/{orderId}", null);
        using var owner = await SendAsync(api.Http, HttpMethod.Get, $"orders/{orderId}", a);
        using var other = await SendAsync(api.Http, HttpMethod.Get, $"orders/{orderId}", b);
        using var allOrders = await SendAsync(api.Http, HttpMethod.Get, "orders", a);
        using var mine = await SendAsync(api.Http, HttpMethod.Get, "customers/me/orders", a);
        Assert.Multiple(async () =>
        {
            Assert.That((int)anonymous.StatusCode, Is.EqualTo(401));
            Assert.That((int)owner.StatusCode, Is.EqualTo(200));
            Assert.That((int)other.StatusCode, Is.EqualTo(404), await other.Content.ReadAsStringAsync());
            Assert.That((int)allOrders.StatusCode, Is.EqualTo(403), await allOrders.Content.ReadAsStringAsync());
            Assert.That(await mine.Content.ReadAsStringAsync(), Does.Contain(orderId));
        });
    }

    private static async Task<string> MintAsync(HttpClient http, string subject)
    {
        using var response = await http.PostAsync(new Uri("_local/tokens", UriKind.Relative), new StringContent(
            JsonSerializer.Serialize(new { subject, email = $"{subject}@example.com" }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? token, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request);
    }

    [Test]
    public async Task ProcessMode_WithoutTheBinary_FailsNamingTheScriptAndTheOption()
    {
        var empty = Directory.CreateTempSubdirectory("no-functions-");
        try
        {
            await using var dynamo = await NpmTestServers.DynaliteAsync();
            var error = Assert.ThrowsAsync(Is.InstanceOf<Exception>(), async () =>
            {
                await using var host = await TestHost.StartAsync("--functions", "process", "--functions-path", empty.FullName, "--storage", "aws", "--dynamodb-endpoint", dynamo.ServiceUrl.ToString());
            });

            Assert.That(error!.Message, Does.Contain("scripts/publish-functions.sh").And.Contain("--functions-path"));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    // The host's child whose environment names the function, found through /proc as an operator would.
    private static int ChildWithHandler(int parent, string handler)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var status = File.ReadAllLines(Path.Combine(directory, "status"));
                var parentLine = status.FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
                if (parentLine is null || int.Parse(parentLine[5..].Trim(), CultureInfo.InvariantCulture) != parent)
                {
                    continue;
                }

                var environment = File.ReadAllText(Path.Combine(directory, "environ")).Split('\0');
                if (environment.Contains($"_HANDLER={handler}") && environment.Any(e => e.StartsWith("AWS_LAMBDA_RUNTIME_API=", StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        throw new AssertionException($"The host (process {parent}) has no child process with _HANDLER={handler}.");
    }

    private static void Signal(string signal, int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }
}
