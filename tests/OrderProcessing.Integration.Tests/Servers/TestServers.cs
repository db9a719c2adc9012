namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// The servers shared by every test of the run, started on first use (a run that only needs in-memory fixtures starts
/// nothing) and stopped by <see cref="TestServersLifetime"/> when the run ends. A server that fails to start fails
/// every test that asks for it, with the reason; nothing is skipped.
/// </summary>
public static class TestServers
{
    private static readonly Lock Gate = new();
    private static Task<DynaliteServer>? _dynalite;
    private static Task<S3rverServer>? _s3rver;

    /// <summary>The shared dynalite server.</summary>
    public static Task<DynaliteServer> DynaliteAsync()
    {
        lock (Gate)
        {
            return _dynalite ??= DynaliteServer.StartAsync();
        }
    }

    /// <summary>The shared s3rver server.</summary>
    public static Task<S3rverServer> S3rverAsync()
    {
        lock (Gate)
        {
            return _s3rver ??= S3rverServer.StartAsync();
        }
    }

    /// <summary>Stops whatever was started.</summary>
    public static async Task StopAllAsync()
    {
        Task<DynaliteServer>? dynalite;
        Task<S3rverServer>? s3rver;
        lock (Gate)
        {
            (dynalite, s3rver, _dynalite, _s3rver) = (_dynalite, _s3rver, null, null);
        }

        await StopAsync(dynalite).ConfigureAwait(false);
        await StopAsync(s3rver).ConfigureAwait(false);
    }

    private static async Task StopAsync<T>(Task<T>? started)
        where T : IAsyncDisposable
    {
        if (started is null)
        {
            return;
        }

        T server;
        try
        {
            server = await started.ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // It never started; the tests that needed it reported why.
            return;
        }

        await server.DisposeAsync().ConfigureAwait(false);
    }
}
