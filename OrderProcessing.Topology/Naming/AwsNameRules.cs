using System.Text.RegularExpressions;

namespace OrderProcessing.Topology.Naming;

/// <summary>The length limits and alphabets AWS enforces on names, so a bad name fails in a unit test rather than halfway through a deployment.</summary>
public static partial class AwsNameRules
{
    private static readonly Dictionary<NameKind, (int Min, int Max, Regex Alphabet)> Rules = new()
    {
        [NameKind.DynamoDbTable] = (3, 255, DynamoDb()),
        [NameKind.LambdaFunction] = (1, 64, Simple()),
        [NameKind.LambdaAlias] = (1, 128, Simple()),
        [NameKind.IamRole] = (1, 64, Iam()),
        [NameKind.IamRolePolicy] = (1, 128, Iam()),
        [NameKind.SqsQueue] = (1, 80, Simple()),
        [NameKind.Pipe] = (1, 64, PipeName()),
        [NameKind.SnsTopic] = (1, 256, Simple()),
        [NameKind.LogGroup] = (1, 512, LogGroupName()),
        [NameKind.Alarm] = (1, 255, Printable()),
        [NameKind.Dashboard] = (1, 255, Simple()),
        [NameKind.S3BucketPrefix] = (3, 37, BucketPrefix()),
        [NameKind.RestApi] = (1, 1024, Printable()),
        [NameKind.ApiStage] = (1, 128, Simple()),
        [NameKind.UsagePlan] = (1, 1024, Printable()),
        [NameKind.ApiKey] = (1, 1024, Printable()),
        [NameKind.EventRule] = (1, 64, PipeName()),
    };

    /// <summary>The longest name AWS accepts for <paramref name="kind"/>.</summary>
    public static int MaxLength(NameKind kind) => Rules[kind].Max;

    /// <summary>Why <paramref name="name"/> is not a valid <paramref name="kind"/> name, or null when it is.</summary>
    public static string? Problem(NameKind kind, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var (min, max, alphabet) = Rules[kind];
        if (name.Length < min || name.Length > max)
        {
            return $"{kind} name '{name}' has {name.Length} characters; AWS accepts {min} to {max}.";
        }

        return alphabet.IsMatch(name) ? null : $"{kind} name '{name}' has characters AWS does not accept (allowed: {alphabet}).";
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DynamoDb();

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Simple();

    [GeneratedRegex(@"^[\w+=,.@-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Iam();

    [GeneratedRegex(@"^[.\-_A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PipeName();

    [GeneratedRegex(@"^[.\-_/#A-Za-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex LogGroupName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex BucketPrefix();

    [GeneratedRegex(@"^[\x20-\x7E]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Printable();
}
