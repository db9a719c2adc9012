using System.Diagnostics;
using System.Text.Json;
using OrderProcessing.DevTools;
using OrderProcessing.Testing.Contracts;

namespace OrderProcessing.Functions.Tests.Contracts;

/// <summary>
/// The OpenAPI document passes Redocly's recommended rules (<c>contracts/http-api/redocly.yaml</c>) with no error and no
/// warning; the findings that are right for this API are ignored one by one, with reasons, in its ignore file.
/// </summary>
public sealed class OpenApiLintTests
{
    [Test]
    public async Task TheDocument_PassesTheRecommendedRules_WithoutErrorsOrWarnings()
    {
        var (exitCode, output, errors) = await LintAsync(HttpApiContract.DocumentFile);

        using var report = JsonDocument.Parse(output);
        var totals = report.RootElement.GetProperty("totals");
        Assert.That(totals.GetProperty("errors").GetInt32(), Is.Zero, output);
        Assert.That(totals.GetProperty("warnings").GetInt32(), Is.Zero, output);
        Assert.That(exitCode, Is.Zero, errors);
    }

    [Test]
    public async Task ADocumentThatBreaksTheRules_Fails()
    {
        // An operation without responses and an unresolvable reference: errors the linter must report.
        var broken = HttpApiContract.Document;
        broken["paths"]!["/health"]!["get"]!.AsObject().Remove("responses");
        broken["paths"]!["/products"]!["get"]!["parameters"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["$ref"] = "#/components/parameters/Nowhere" });
        var file = Path.Combine(RepositoryRoot.Path, HttpApiContract.LintFolder, $"broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, broken.ToJsonString());
        try
        {
            var (exitCode, output, _) = await LintAsync(Path.GetRelativePath(RepositoryRoot.Path, file));

            using var report = JsonDocument.Parse(output);
            Assert.That(report.RootElement.GetProperty("totals").GetProperty("errors").GetInt32(), Is.Positive, output);
            Assert.That(exitCode, Is.Not.Zero);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output, string Errors)> LintAsync(string documentFromRoot)
    {
        var cli = Path.Combine(RepositoryRoot.Path, "tests", "node_modules", "@redocly", "cli", "bin", "cli.js");
        Assert.That(File.Exists(cli), Is.True, $"{cli} is missing: install the test tools with `npm ci --prefix tests`.");
        var folder = Path.Combine(RepositoryRoot.Path, HttpApiContract.LintFolder);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "lint", "--config", "redocly.yaml", "--format", "json", Path.GetRelativePath(folder, Path.Combine(RepositoryRoot.Path, documentFromRoot)) })
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry and no update check: the test runs offline and says nothing to anyone.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output, await errors);
    }
}
