namespace OrderProcessing.Infra.Plan.Iam;

/// <summary>
/// The parts of an ARN (<c>arn:partition:service:region:account:resource</c>). The program reads the region and account of
/// the deployment from the ARN of a resource it created, rather than asking the provider.
/// </summary>
public sealed record Arn(string Partition, string Service, string Region, string Account, string Resource)
{
    /// <summary>Parses <paramref name="arn"/>; throws <see cref="FormatException"/> when it is not an ARN.</summary>
    public static Arn Parse(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        var parts = arn.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[1].Length > 0 && parts[2].Length > 0
            ? new Arn(parts[1], parts[2], parts[3], parts[4], parts[5])
            : throw new FormatException($"'{arn}' is not an ARN.");
    }

    /// <inheritdoc />
    public override string ToString() => $"arn:{Partition}:{Service}:{Region}:{Account}:{Resource}";
}
