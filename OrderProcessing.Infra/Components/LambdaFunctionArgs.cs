using System.Collections.Immutable;
using OrderProcessing.Infra.Plan.Functions;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="LambdaFunction"/>.</summary>
public sealed class LambdaFunctionArgs
{
    /// <summary>The function to deploy.</summary>
    public required FunctionPlan Function { get; init; }

    /// <summary>The deployment package (<see cref="LambdaArtifact.Package"/>): a zip holding the executable <c>bootstrap</c>.</summary>
    public required string PackagePath { get; init; }

    /// <summary>The function's environment variables: exactly its declared settings.</summary>
    public required InputMap<string> Environment { get; init; }

    /// <summary>Table ARN by logical name, for the function's grants.</summary>
    public required Output<ImmutableDictionary<string, string>> TableArns { get; init; }

    /// <summary>Bucket ARN by logical name, for the function's grants.</summary>
    public required Output<ImmutableDictionary<string, string>> BucketArns { get; init; }

    /// <summary>The ARN of the function's stage queue; null for the API function.</summary>
    public Output<string>? QueueArn { get; init; }

    /// <summary>The SES identity and configuration set ARNs, for a function that sends customer e-mail.</summary>
    public Output<(string Identity, string ConfigurationSet)>? MailArns { get; init; }
}
