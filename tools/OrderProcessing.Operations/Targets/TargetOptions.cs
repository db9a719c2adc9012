namespace OrderProcessing.Operations.Targets;

/// <summary>Where the tool works, from the command line: the local host, or a stack by its outputs file or its name and region.</summary>
/// <param name="Local">The local host's base URL (<c>--local</c>).</param>
/// <param name="StackOutputs">The file <c>pulumi stack output --json</c> wrote (<c>--stack-outputs</c>).</param>
/// <param name="Stack">The stack name (<c>--stack</c>), names derived by the topology's rule.</param>
/// <param name="Region">The region (<c>--region</c>); else the SDK's default chain (AWS_REGION, profile).</param>
public sealed record TargetOptions(Uri? Local, FileInfo? StackOutputs, string? Stack, string? Region);
