using Microsoft.Extensions.Logging;

namespace OrderProcessing.Local.Hosting;

/// <summary>Composes the <see cref="LocalSystem"/> the options ask for.</summary>
public static class LocalSystemFactory
{
    /// <summary>The system over in-memory stores or the AWS adapters.</summary>
    public static Task<LocalSystem> CreateAsync(LocalOptions options, ILoggerFactory loggers, TimeProvider clock, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Waiting for the functions branch: ApiFunction, stage functions and the composition root.");
}
