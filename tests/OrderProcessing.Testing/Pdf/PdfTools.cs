using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace OrderProcessing.Testing.Pdf;

/// <summary>
/// Runs the independent PDF tools (qpdf, poppler's pdftotext and pdfinfo) on generated documents, so tests judge the
/// output the way real readers see it rather than by our own parser. A missing tool fails the test with how to
/// install it: these checks are the point of the tests and must never be skipped silently.
/// </summary>
public static partial class PdfTools
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>Runs <c>qpdf --check</c> and fails unless it finds no syntax or stream encoding error and no warning.</summary>
    public static void AssertValid(byte[] pdf)
    {
        var result = RunOnFile(pdf, "qpdf", "qpdf", "--check", "{file}");
        Assert.That(
            result.ExitCode == 0 && result.StandardOutput.Contains("No syntax or stream encoding errors found", StringComparison.Ordinal),
            Is.True,
            $"qpdf --check rejected the document (exit code {result.ExitCode}):\n{result.StandardOutput}\n{result.StandardError}");
    }

    /// <summary>The number of pages, as qpdf counts them.</summary>
    public static int PageCount(byte[] pdf)
    {
        var result = RunOnFile(pdf, "qpdf", "qpdf", "--show-npages", "{file}");
        AssertSucceeded("qpdf --show-npages", result);
        return int.Parse(result.StandardOutput.Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The text as <c>pdftotext -layout</c> extracts it (UTF-8); pages are separated by form feeds.</summary>
    public static string ExtractText(byte[] pdf)
    {
        var result = RunOnFile(pdf, "poppler-utils", "pdftotext", "-layout", "-enc", "UTF-8", "{file}", "-");
        AssertSucceeded("pdftotext", result);
        return result.StandardOutput;
    }

    /// <summary>The pages' text, one entry per page, as <c>pdftotext -layout</c> extracts it.</summary>
    public static IReadOnlyList<string> ExtractPages(byte[] pdf) =>
        ExtractText(pdf).TrimEnd('\f', '\n').Split('\f');

    /// <summary>Every word with its box in points from the top-left corner, as poppler lays it out (<c>pdftotext -bbox</c>).</summary>
    public static IReadOnlyList<PdfWord> ExtractWords(byte[] pdf)
    {
        var result = RunOnFile(pdf, "poppler-utils", "pdftotext", "-bbox", "-enc", "UTF-8", "{file}", "-");
        AssertSucceeded("pdftotext -bbox", result);
        var words = new List<PdfWord>();
        var page = 0;
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            if (line.Contains("<page ", StringComparison.Ordinal))
            {
                page++;
                continue;
            }

            var match = WordPattern().Match(line);
            if (match.Success)
            {
                words.Add(new PdfWord(
                    page,
                    System.Net.WebUtility.HtmlDecode(match.Groups["text"].Value),
                    Number(match, "xMin"),
                    Number(match, "yMin"),
                    Number(match, "xMax"),
                    Number(match, "yMax")));
            }
        }

        return words;
    }

    /// <summary>The document information as <c>pdfinfo -isodates</c> reports it: field name to value.</summary>
    public static IReadOnlyDictionary<string, string> Info(byte[] pdf)
    {
        var result = RunOnFile(pdf, "poppler-utils", "pdfinfo", "-isodates", "-enc", "UTF-8", "{file}");
        AssertSucceeded("pdfinfo", result);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in result.StandardOutput.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon]] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }

    private static double Number(Match match, string group) =>
        double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static void AssertSucceeded(string what, ToolResult result) =>
        Assert.That(result.ExitCode, Is.Zero, $"{what} failed:\n{result.StandardError}");

    private static ToolResult RunOnFile(byte[] pdf, string debianPackage, string tool, params string[] arguments)
    {
        var path = Path.Combine(Path.GetTempPath(), $"orderprocessing-pdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            return Run(debianPackage, tool, arguments.Select(a => a == "{file}" ? path : a));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ToolResult Run(string debianPackage, string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (Win32Exception e)
        {
            Assert.Fail(
                $"'{tool}' is not installed, and the PDF tests need it to check the output independently. "
                + $"Install it (Debian: apt-get install -y {debianPackage}, or run scripts/setup.sh as root). ({e.Message})");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"{tool} did not finish within {Timeout.TotalSeconds} seconds.");
            }

            return new ToolResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
        }
    }

    [GeneratedRegex("<word xMin=\"(?<xMin>[^\"]+)\" yMin=\"(?<yMin>[^\"]+)\" xMax=\"(?<xMax>[^\"]+)\" yMax=\"(?<yMax>[^\"]+)\">(?<text>.*)</word>")]
    private static partial Regex WordPattern();

    private sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError);
}
