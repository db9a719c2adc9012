using System.Runtime.InteropServices;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Functions.Runtime;

// The custom runtime of every function: compose the function _HANDLER names (its settings read once; a missing or bad
// one is reported to the Runtime API's /init/error), then serve invocations until Lambda ends the environment.
var runtimeApi = Environment.GetEnvironmentVariable(LambdaRuntimeClient.RuntimeApiVariable);
if (string.IsNullOrWhiteSpace(runtimeApi))
{
    // No Runtime API to report to: the reason goes to standard error and the exit code says it failed.
    await Console.Error.WriteLineAsync($"{LambdaRuntimeClient.RuntimeApiVariable} is not set: bootstrap runs under a Lambda Runtime API (provided.al2023, or the local host's --functions process).");
    return LambdaRuntime.InitFailed;
}

using var stop = new CancellationTokenSource();
// Lambda sends SIGTERM before it shuts an environment down (and the local host stops its children the same way).
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
LambdaRuntimeClient client;
try
{
    client = new LambdaRuntimeClient(runtimeApi);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return LambdaRuntime.InitFailed;
}

using var runtimeClient = client;
return await LambdaRuntime.RunAsync(
    client,
    () =>
    {
        var function = FunctionEntryPoints.Find(Environment.GetEnvironmentVariable(FunctionEntryPoints.HandlerVariable));
        return FunctionEntryPoints.Create(function, FunctionBootstrap.FromEnvironment(function));
    },
    cancellationToken: stop.Token);
