using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Local.Gateway;
using OrderProcessing.Local.Handlers;
using OrderProcessing.Local.Hosting;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Tests.Handlers;

/// <summary>Functions are found through the entry-point table the Lambda bootstrap dispatches with, from the settings Lambda gives them.</summary>
public sealed class LambdaFunctionHandlerTests
{
    private static readonly IReadOnlyDictionary<string, string> Settings = LocalSettings.For(new LocalOptions());

    private static IEnumerable<FunctionDefinition> Functions => SystemTopology.Functions;

    [TestCaseSource(nameof(Functions))]
    public void Start_EveryTopologyFunction_StartsFromItsEntryPointWithTheLocalSettings(FunctionDefinition function)
    {
        var handler = LambdaFunctionHandler.Create(function, Bootstrap(function));

        Assert.That(handler.Name, Is.EqualTo(function.Name));
    }

    [Test]
    public async Task ApiFunction_ProxyEvent_IsAnsweredThroughItsEntryPoint()
    {
        var handler = LambdaFunctionHandler.Create(SystemTopology.Api, Bootstrap(SystemTopology.Api));
        var proxyEvent = ApiGatewayProxyRequestFactory.ForGreedyProxy(new ApiGatewayHttpRequest("GET", "/health"), ApiGatewayRequestEncoder.LocalDeployment with { RequestId = "r-1" });

        await using var output = await handler.InvokeAsync(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(proxyEvent, AwsEventJsonContext.Default.ApiGatewayProxyRequest)), CancellationToken.None);
        var result = await JsonSerializer.DeserializeAsync(output, AwsEventJsonContext.Default.ApiGatewayProxyResponse);

        Assert.That(result!.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public void Start_FunctionTheEntryPointTableDoesNotKnow_StopsTheHostNamingIt()
    {
        var function = SystemTopology.ShipOrder with { Name = "no-such-function" };

        Assert.That(() => LambdaFunctionHandler.Create(function, Bootstrap(SystemTopology.ShipOrder)), Throws.InstanceOf<UnknownFunctionException>().With.Message.Contains("'no-such-function'"));
    }

    private static FunctionBootstrap Bootstrap(FunctionDefinition function) => FunctionBootstrap.Create(
        function,
        name => Settings.GetValueOrDefault(name),
        new SharedInMemoryPortsFactory(SystemPorts.InMemory(TimeProvider.System)),
        new FunctionLogs(NullLoggerFactory.Instance).WriterFor(function.Name));
}
