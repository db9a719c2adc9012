using System.Text.RegularExpressions;

namespace OrderProcessing.Core.Tests.Conventions;

/// <summary>
/// Reads the names of the tests in a C# source file as written (the repository's layout: one attribute per line above
/// the method), so a naming rule can be checked without loading every test assembly.
/// </summary>
public static partial class TestNameScanner
{
    /// <summary>A test's name and the 1-based line it is declared on.</summary>
    public sealed record Found(int Line, string Name);

    /// <summary>The methods marked as NUnit or FsCheck tests, and the <c>TestName</c> given to test cases.</summary>
    public static IReadOnlyList<Found> Scan(string source)
    {
        var found = new List<Found>();
        var lines = source.Split('\n');
        var markedAsTest = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (TestAttribute().IsMatch(lines[i]))
            {
                markedAsTest = true;
            }

            foreach (Match testName in TestNameArgument().Matches(lines[i]))
            {
                found.Add(new Found(i + 1, testName.Groups["name"].Value));
            }

            var declaration = MemberDeclaration().Match(lines[i]);
            if (declaration.Success)
            {
                if (markedAsTest)
                {
                    found.Add(new Found(i + 1, declaration.Groups["name"].Value));
                }

                markedAsTest = false;
            }
        }

        return found;
    }

    /// <summary>
    /// Whether <paramref name="name"/> breaks the house style <c>Subject_Condition_Result</c> in PascalCase segments:
    /// some segment starts with a lower-case letter (<c>Status_headers_are_read</c>).
    /// </summary>
    public static bool IsSentenceStyle(string name) => LowerCaseSegment().IsMatch(name);

    [GeneratedRegex(@"^\s*\[(?:[\w.]+\.)?(?:Test|TestCase|TestCaseSource|Property)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"\bTestName\s*=\s*""(?<name>[^""]*)""")]
    private static partial Regex TestNameArgument();

    [GeneratedRegex(@"^\s*(?:(?:public|private|protected|internal|static|async|override|virtual|sealed|new)\s+)+[\w<>\[\],.?() ]+?\s+(?<name>\w+)\s*(?:<[^()]*>)?\s*\(")]
    private static partial Regex MemberDeclaration();

    [GeneratedRegex(@"(?:^|_)\p{Ll}")]
    private static partial Regex LowerCaseSegment();
}
