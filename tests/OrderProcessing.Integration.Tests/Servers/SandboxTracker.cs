using OrderProcessing.Integration.Tests.Support;

namespace OrderProcessing.Integration.Tests.Servers;

/// <summary>
/// The sandboxes a fixture created: call <see cref="AssertAccessPatterns"/> after each test (every request so far must
/// follow <see cref="AccessPatterns"/>) and <see cref="DisposeAsync"/> when the fixture ends.
/// </summary>
public sealed class SandboxTracker : IAsyncDisposable
{
    private readonly List<StorageSandbox> _sandboxes = [];
    private readonly Lock _gate = new();

    /// <summary>A new sandbox, tracked.</summary>
    public async Task<StorageSandbox> CreateAsync(bool withBucket = false)
    {
        var sandbox = await StorageSandbox.CreateAsync(withBucket);
        lock (_gate)
        {
            _sandboxes.Add(sandbox);
        }

        return sandbox;
    }

    /// <summary>Checks the requests of every tracked sandbox since the last check.</summary>
    public void AssertAccessPatterns()
    {
        lock (_gate)
        {
            foreach (var sandbox in _sandboxes)
            {
                AccessPatterns.AssertDeclared(sandbox);
            }
        }
    }

    /// <summary>Disposes every tracked sandbox.</summary>
    public async ValueTask DisposeAsync()
    {
        List<StorageSandbox> all;
        lock (_gate)
        {
            all = [.. _sandboxes];
            _sandboxes.Clear();
        }

        foreach (var sandbox in all)
        {
            await sandbox.DisposeAsync();
        }
    }
}
