using System.Text;
using OrderProcessing.Local.Lambda;

namespace OrderProcessing.Local.Tests.Lambda;

/// <summary>A function invoked through its Runtime API, as the transport and the gateway call any function.</summary>
public sealed class RuntimeApiFunctionHandlerTests
{
    [Test]
    public async Task Invoke_PastTheDeadline_IsATimeoutException()
    {
        await using var server = await RuntimeApiServer.StartAsync(new RuntimeApiServerOptions { FunctionName = "compensate", Timeout = TimeSpan.FromMilliseconds(200) });
        using var runtime = new HttpClient { BaseAddress = new Uri($"http://{server.Address}") };
        var handler = new RuntimeApiFunctionHandler(server);

        var invocation = handler.InvokeAsync(new MemoryStream("{}"u8.ToArray()), CancellationToken.None);
        using var taken = await runtime.GetAsync(new Uri("/2018-06-01/runtime/invocation/next", UriKind.Relative));

        Assert.That(async () => await invocation, Throws.TypeOf<TimeoutException>().With.Message.Contains("Task timed out"));
        Assert.That(handler.Name, Is.EqualTo("compensate"));
    }

    [Test]
    public async Task Invoke_Answered_ReturnsTheResponse()
    {
        await using var server = await RuntimeApiServer.StartAsync(new RuntimeApiServerOptions { FunctionName = "api", Timeout = TimeSpan.FromMinutes(1) });
        using var runtime = new HttpClient { BaseAddress = new Uri($"http://{server.Address}") };
        var invocation = new RuntimeApiFunctionHandler(server).InvokeAsync(new MemoryStream("{\"in\":1}"u8.ToArray()), CancellationToken.None);
        using var taken = await runtime.GetAsync(new Uri("/2018-06-01/runtime/invocation/next", UriKind.Relative));
        var id = taken.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").Single();
        var echoed = await taken.Content.ReadAsStringAsync();

        using (await runtime.PostAsync(new Uri($"/2018-06-01/runtime/invocation/{id}/response", UriKind.Relative), new StringContent(echoed)))
        {
        }

        using var reader = new StreamReader(await invocation, Encoding.UTF8);
        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("{\"in\":1}"));
    }
}
