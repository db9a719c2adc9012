using OrderProcessing.DevTools;

namespace OrderProcessing.Core.Tests.Conventions;

/// <summary>
/// Every test in the repository is named <c>Subject_Condition_Result</c> in PascalCase segments
/// (<c>Cancel_AfterShipping_IsRejected</c>), so a failing test's name reads the same way in every project's output.
/// </summary>
public sealed class TestNamingTests
{
    [Test]
    public void Scan_SentenceStyleNames_AreFoundAndHouseStyleNamesPass()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "tests", "OrderProcessing.Core.Tests", "Conventions", "SentenceStyleSample.txt"));

        var found = TestNameScanner.Scan(source);

        Assert.That(found.Select(f => f.Name), Is.EquivalentTo(new[]
        {
            "Cancel_AfterShipping_IsRejected", "Status_headers_and_text_body_are_read", "Patch_WithoutStatus_Is400", "A_bad_status_is_400", "Patch", "any_order_ends_terminal",
        }));
        Assert.That(found.Where(f => TestNameScanner.IsSentenceStyle(f.Name)).Select(f => f.Name), Is.EquivalentTo(new[]
        {
            "Status_headers_and_text_body_are_read", "A_bad_status_is_400", "any_order_ends_terminal",
        }));
        Assert.That(found.Single(f => f.Name == "A_bad_status_is_400").Line, Is.EqualTo(15));
    }

    [Test]
    public void TestNames_InEveryTestProject_AreSubjectConditionResultInPascalCase()
    {
        var tests = Path.Combine(RepositoryRoot.Path, "tests");
        var sources = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(tests, path).Split(Path.DirectorySeparatorChar).Any(folder => folder is "bin" or "obj" or "node_modules"))
            .ToList();
        var found = sources
            .SelectMany(path => TestNameScanner.Scan(File.ReadAllText(path)).Select(test => (Path: Path.GetRelativePath(RepositoryRoot.Path, path), test.Line, test.Name)))
            .ToList();

        var projectsWithTests = found.Select(test => test.Path.Split(Path.DirectorySeparatorChar)[1]).ToHashSet();
        var testProjects = Directory.EnumerateDirectories(tests, "*.Tests").Select(Path.GetFileName).ToList();
        Assert.That(projectsWithTests, Is.SupersetOf(testProjects), "the scan reads the tests of every test project");

        var sentenceStyle = found.Where(test => TestNameScanner.IsSentenceStyle(test.Name)).Select(test => $"{test.Path}:{test.Line} {test.Name}");
        Assert.That(sentenceStyle, Is.Empty, "tests named as lower-case sentences; name them Subject_Condition_Result in PascalCase segments");
    }
}
