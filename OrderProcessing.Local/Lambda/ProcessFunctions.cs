using Microsoft.Extensions.Logging;
using OrderProcessing.Local.Handlers;
using OrderProcessing.Topology;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Lambda;

/// <summary>
/// Every function of the topology run as Lambda runs it on <c>provided.al2023</c>: the published Native AOT
/// <c>bootstrap</c> as one child process per function, each polling its own <see cref="RuntimeApiServer"/>, and
/// invoked through it (<see cref="Handler"/>).
/// </summary>
public sealed class ProcessFunctions : IAsyncDisposable
{
    /// <summary>The executable's file name, as the <c>provided</c> runtimes require it.</summary>
    public const string ExecutableName = "bootstrap";

    /// <summary>The script that publishes the executable.</summary>
    public const string PublishScript = "scripts/publish-functions.sh";

    private readonly Dictionary<string, RuntimeApiServer> _servers;
    private readonly List<FunctionProcess> _processes;

    private ProcessFunctions(Dictionary<string, RuntimeApiServer> servers, List<FunctionProcess> processes)
    {
        _servers = servers;
        _processes = processes;
    }

    /// <summary>
    /// The executable in <paramref name="folder"/>. Throws <see cref="FileNotFoundException"/> naming the publish script
    /// and <c>--functions-path</c> when it is not there.
    /// </summary>
    public static string FindExecutable(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var path = Path.GetFullPath(Path.Combine(folder, ExecutableName));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"--functions process needs the published functions, but there is no {path}. Run {PublishScript} (it writes artifacts/functions), or point --functions-path at the folder holding {ExecutableName}.",
                path);
    }

    /// <summary>
    /// Starts a Runtime API and a child process for each function of <paramref name="functions"/>, the child's environment
    /// being <paramref name="environmentOf"/> the function (its settings, region and credentials).
    /// </summary>
    public static async Task<ProcessFunctions> StartAsync(
        string executable,
        IEnumerable<FunctionDefinition> functions,
        Func<FunctionDefinition, IReadOnlyDictionary<string, string>> environmentOf,
        string region,
        FunctionLogs logs,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(environmentOf);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(loggers);
        var servers = new Dictionary<string, RuntimeApiServer>(StringComparer.Ordinal);
        var processes = new List<FunctionProcess>();
        var started = new ProcessFunctions(servers, processes);
        try
        {
            var logger = loggers.CreateLogger(typeof(ProcessFunctions).FullName!);
            foreach (var function in functions)
            {
                var server = await RuntimeApiServer.StartAsync(
                    new RuntimeApiServerOptions { FunctionName = function.Name, Timeout = TimeSpan.FromSeconds(function.TimeoutSeconds), Region = region },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
                servers[function.Name] = server;
                var environment = new Dictionary<string, string>(environmentOf(function), StringComparer.Ordinal)
                {
                    ["_HANDLER"] = function.Handler,
                    ["AWS_LAMBDA_FUNCTION_NAME"] = function.Name,
                    ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
                    ["AWS_REGION"] = region,
                    ["AWS_DEFAULT_REGION"] = region,
                };
                var process = new FunctionProcess(executable, environment, server, logs.WriterFor(function.Name), logger);
                processes.Add(process);
                process.Start();
            }

            return started;
        }
        catch
        {
            await started.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The function named <paramref name="name"/>, invoked through its Runtime API.</summary>
    public IFunctionHandler Handler(string name) => new RuntimeApiFunctionHandler(_servers[name]);

    /// <summary>The Runtime API of the function named <paramref name="name"/>.</summary>
    public RuntimeApiServer Server(string name) => _servers[name];

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
