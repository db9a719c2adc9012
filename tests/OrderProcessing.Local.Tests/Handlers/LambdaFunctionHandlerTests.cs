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

/// <summary>Functions are found by the topology's handler strings, as the Lambda runtime finds them, from the settings Lambda gives them.</summary>
public sealed class LambdaFunctionHandlerTests
{
    private static readonly IReadOnlyDictionary<string, string> Settings = LocalSettings.For(new LocalOptions());

    private static IEnumerable<FunctionDefinition> Functions => SystemTopology.Functions;

    [TestCaseSource(nameof(Functions))]
    public void Start_EveryTopologyFunction_StartsFromItsHandlerStringWithTheLocalSettings(FunctionDefinition function)
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

    [TestCase("OrderProcessing.Functions::OrderProcessing.Functions.Stages.NoSuchFunction::HandleAsync", "has no type")]
    [TestCase("OrderProcessing.Functions::OrderProcessing.Functions.Stages.ShipOrderFunction::Handle", "has no public method")]
    [TestCase("OrderProcessing.Topology::OrderProcessing.Topology.SystemTopology::HandleAsync", "has no constructor")]
    [TestCase("OrderProcessing.Functions.Stages.ShipOrderFunction::HandleAsync", "is not Assembly::Type::Method")]
    public void Start_HandlerStringNamingNothingRunnable_StopsTheHost(string handler, string message)
    {
        var function = SystemTopology.ShipOrder with { Handler = handler };

        Assert.That(() => LambdaFunctionHandler.Create(function, Bootstrap(SystemTopology.ShipOrder)), Throws.InvalidOperationException.With.Message.Contains(message));
    }

    private static FunctionBootstrap Bootstrap(FunctionDefinition function) => FunctionBootstrap.Create(
        function,
        name => Settings.GetValueOrDefault(name),
        new SharedInMemoryPortsFactory(SystemPorts.InMemory(TimeProvider.System)),
        new FunctionLogs(NullLoggerFactory.Instance).WriterFor(function.Name));
}
