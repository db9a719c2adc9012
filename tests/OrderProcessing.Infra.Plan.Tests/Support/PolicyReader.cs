using System.Text.Json;

namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>Reads a serialised IAM policy back, failing on any shape IAM would not accept, so checks never pass vacuously.</summary>
public static class PolicyReader
{
    /// <summary>One statement: effect, actions and resources as IAM would read them (a single string counts as a one-item list).</summary>
    public sealed record Statement(string Effect, IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, JsonElement? Principal, JsonElement? Condition);

    /// <summary>The statements of <paramref name="json"/>.</summary>
    public static IReadOnlyList<Statement> Statements(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.That(root.GetProperty("Version").GetString(), Is.EqualTo("2012-10-17"), json);
        var statements = root.GetProperty("Statement");
        Assert.That(statements.ValueKind, Is.EqualTo(JsonValueKind.Array), json);
        Assert.That(statements.GetArrayLength(), Is.GreaterThan(0), json);

        return statements.EnumerateArray().Select(s => new Statement(
            s.GetProperty("Effect").GetString()!,
            Strings(s, "Action"),
            s.TryGetProperty("Resource", out _) ? Strings(s, "Resource") : [],
            s.TryGetProperty("Principal", out var principal) ? principal.Clone() : null,
            s.TryGetProperty("Condition", out var condition) ? condition.Clone() : null)).ToList();
    }

    /// <summary>Every (action, resource) pair the Allow statements of <paramref name="json"/> grant.</summary>
    public static IReadOnlySet<(string Action, string Resource)> Grants(string json) =>
        Statements(json)
            .Where(s => s.Effect == "Allow")
            .SelectMany(s => s.Actions.SelectMany(a => s.Resources.Select(r => (a, r))))
            .ToHashSet();

    /// <summary>Whether an action is a wildcard (<c>*</c>, <c>s3:*</c>, <c>dynamodb:Get*</c>).</summary>
    public static bool IsWildcard(string action) => action.Contains('*', StringComparison.Ordinal);

    private static List<string> Strings(JsonElement statement, string property)
    {
        var value = statement.GetProperty(property);
        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Select(v =>
            {
                Assert.That(v.ValueKind, Is.EqualTo(JsonValueKind.String), $"{property} item {v}");
                return v.GetString()!;
            }).ToList(),
            _ => throw new AssertionException($"{property} is {value.ValueKind}, neither a string nor a list of strings."),
        };
    }
}
