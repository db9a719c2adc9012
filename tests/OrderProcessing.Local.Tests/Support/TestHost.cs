using OrderProcessing.DevTools.Processes;

namespace OrderProcessing.Local.Tests.Support;

/// <summary>
/// The local host as a real process (the shared <see cref="LocalHostProcess"/>) started from this test project's output
/// (the project reference builds and copies it with its page), with fast retries and its own notifications file.
/// </summary>
internal static class TestHost
{
    /// <summary>Starts the host with fast retries and <paramref name="extraArgs"/>, and waits until it says it is ready.</summary>
    public static Task<LocalHostProcess> StartAsync(params string[] extraArgs) => StartAsync(new Dictionary<string, string>(), extraArgs);

    /// <summary>
    /// Starts the host with extra environment variables (credentials for local storage servers). Tokens are not checked
    /// (<c>--auth none</c>) unless <paramref name="extraArgs"/> name <c>--auth</c>: these tests are about the pipeline, and
    /// the authorization tests (Identity/) run the host with its token checks.
    /// </summary>
    public static Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] extraArgs) => LocalHostProcess.StartAsync(
        Path.Combine(TestContext.CurrentContext.TestDirectory, "OrderProcessing.Local.dll"),
        directory => ["--notifications-file", NotificationsFileIn(directory), "--retry-delay-ms", "20", "--max-retry-delay-ms", "200", "--sweep-interval-s", "0", .. AuthArguments(extraArgs), .. extraArgs],
        environment);

    /// <summary>The host's notifications file.</summary>
    public static string NotificationsFile(LocalHostProcess host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return NotificationsFileIn(host.WorkingDirectory);
    }

    private static string[] AuthArguments(string[] extraArgs) =>
        extraArgs.Any(a => a == "--auth" || a.StartsWith("--auth=", StringComparison.Ordinal)) ? [] : ["--auth", "none"];

    private static string NotificationsFileIn(string directory) => Path.Combine(directory, "notifications.jsonl");
}
