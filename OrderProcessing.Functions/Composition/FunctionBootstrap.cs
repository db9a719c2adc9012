using OrderProcessing.Functions.Adapters.S3;
using OrderProcessing.Functions.Observability;
using OrderProcessing.Functions.Stages;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// Everything a function needs, built once from its configuration: its settings, Core's services over the ports the
/// factory makes, and its telemetry. Parameterless constructors use <see cref="FromEnvironment"/>; the local host and
/// tests use <see cref="Create"/> with their own settings and ports.
/// </summary>
public sealed class FunctionBootstrap
{
    private FunctionBootstrap(FunctionSettings settings, SystemServices services, Telemetry telemetry, IStageFailureObserver? stageFailures, InvocationTimeouts? timeouts)
    {
        Settings = settings;
        Timeouts = timeouts ?? InvocationTimeouts.For(settings.Function);
        Services = services;
        Telemetry = telemetry;
        StageFailures = stageFailures;
    }

    /// <summary>The function's settings.</summary>
    public FunctionSettings Settings { get; }

    /// <summary>Core's services.</summary>
    public SystemServices Services { get; }

    /// <summary>Logs and metrics.</summary>
    public Telemetry Telemetry { get; }

    /// <summary>How long one invocation may wait on its stores; derived from the function's timeout unless the host chose.</summary>
    public InvocationTimeouts Timeouts { get; }

    /// <summary>Hears of every message a stage function fails (the in-process transport); null in Lambda.</summary>
    public IStageFailureObserver? StageFailures { get; }

    /// <summary>Reads <paramref name="function"/>'s settings with <paramref name="readSetting"/> and composes it over <paramref name="ports"/>.</summary>
    /// <param name="function">The function's topology entry.</param>
    /// <param name="readSetting">Reads one setting by name (an environment variable in Lambda).</param>
    /// <param name="ports">Builds the ports.</param>
    /// <param name="output">Where logs and metrics go; standard output when null.</param>
    /// <param name="stageFailures">Hears of every message a stage function fails; nobody when null.</param>
    /// <param name="timeouts">The invocation budget; <see cref="InvocationTimeouts.For"/> the function when null (give the ports factory the same).</param>
    public static FunctionBootstrap Create(FunctionDefinition function, Func<string, string?> readSetting, IPortsFactory ports, TextWriter? output = null, IStageFailureObserver? stageFailures = null, InvocationTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(ports);
        var settings = FunctionSettings.Load(function, readSetting);
        var environment = settings.Required(SettingNames.Environment);
        var options = settings.Declares(SettingNames.InvoiceLinkSeconds)
            ? SystemServices.DefaultOptions with { InvoiceLinkLifetime = settings.Seconds(SettingNames.InvoiceLinkSeconds, S3InvoiceStore.MaxLinkLifetime) }
            : SystemServices.DefaultOptions;
        var systemPorts = ports.Create(settings);
        var telemetry = output is null
            ? Telemetry.ToStandardOutput(function.Name, environment)
            : new Telemetry(function.Name, environment, output, systemPorts.Clock);
        return new FunctionBootstrap(settings, new SystemServices(systemPorts, options), telemetry, stageFailures, timeouts);
    }

    /// <summary>
    /// A bootstrap over services and telemetry the caller composed itself (a tool that injects faults into the ports and
    /// sets Core's options), so it still constructs functions through <see cref="FunctionEntryPoints"/>.
    /// </summary>
    /// <param name="settings">The function's settings (the API function reads its CORS origins from them).</param>
    /// <param name="services">Core's services.</param>
    /// <param name="telemetry">Logs and metrics.</param>
    /// <param name="stageFailures">Hears of every message a stage function fails; nobody when null.</param>
    /// <param name="timeouts">The invocation budget; <see cref="InvocationTimeouts.For"/> the function when null.</param>
    public static FunctionBootstrap Compose(FunctionSettings settings, SystemServices services, Telemetry telemetry, IStageFailureObserver? stageFailures = null, InvocationTimeouts? timeouts = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(telemetry);
        return new FunctionBootstrap(settings, services, telemetry, stageFailures, timeouts);
    }

    /// <summary>Returns <paramref name="bootstrap"/> when it was made for <paramref name="function"/>; throws otherwise.</summary>
    public static FunctionBootstrap Require(FunctionBootstrap bootstrap, FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(bootstrap);
        ArgumentNullException.ThrowIfNull(function);
        return bootstrap.Settings.Function.Name == function.Name
            ? bootstrap
            : throw new ArgumentException($"The bootstrap is for '{bootstrap.Settings.Function.Name}', not '{function.Name}'.", nameof(bootstrap));
    }

    /// <summary>Reads <paramref name="function"/>'s settings from environment variables and composes it over the AWS adapters.</summary>
    public static FunctionBootstrap FromEnvironment(FunctionDefinition function) =>
        Create(function, Environment.GetEnvironmentVariable, new AwsPortsFactory());
}
