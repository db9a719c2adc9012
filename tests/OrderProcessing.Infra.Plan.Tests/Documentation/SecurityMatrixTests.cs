using OrderProcessing.DevTools;
using OrderProcessing.Topology;

namespace OrderProcessing.Infra.Plan.Tests.Documentation;

/// <summary>SECURITY.md's matrix of who may do what says what the routes' access says, row for row.</summary>
public sealed class SecurityMatrixTests
{
    private static IReadOnlyList<(string Route, string Access)> MatrixRows()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "SECURITY.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("<!-- matrix:", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.StartsWith("<!-- /matrix -->", StringComparison.Ordinal));
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), "SECURITY.md has the marked matrix");

        return lines[(start + 3)..end]
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Route: cells[1].Trim('`'), Access: cells[2]))
            .ToList();
    }

    [Test]
    public void SecurityMatrix_ListsEveryRouteWithItsAccess()
    {
        var expected = SystemTopology.ApiRoutes.Select(r => (Route: r.Key, Access: r.Access.ToString())).ToList();

        Assert.That(MatrixRows(), Is.EquivalentTo(expected));
    }

    [Test]
    public void SecurityMatrix_RefusesAnonymousCallersOnEveryNonPublicRoute()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "SECURITY.md"));
        var rows = lines.Where(l => l.StartsWith("| `", StringComparison.Ordinal) && l.Split('|').Length == 7)
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToList();

        using (Assert.EnterMultipleScope())
        {
            foreach (var row in rows)
            {
                var isPublic = row[2] == nameof(ApiAccess.Public);
                Assert.That(row[3], Is.EqualTo(isPublic ? "yes" : "401"), row[1]);
                Assert.That(row[4], isPublic ? Is.EqualTo("yes") : row[2] == nameof(ApiAccess.Operator) ? Is.EqualTo("403") : Does.Not.EqualTo("403"), row[1]);
            }
        }
    }
}
