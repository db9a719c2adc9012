using System.Collections.Immutable;
using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Infra.Plan.Functions;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="Api"/>.</summary>
public sealed class ApiArgs
{
    /// <summary>The REST API.</summary>
    public required ApiPlan Api { get; init; }

    /// <summary>The API function.</summary>
    public required FunctionPlan Function { get; init; }

    /// <summary>The deployment package every function runs (<see cref="LambdaArtifact.Package"/>).</summary>
    public required string PackagePath { get; init; }

    /// <summary>The API function's environment variables.</summary>
    public required InputMap<string> Environment { get; init; }

    /// <summary>Table ARN by logical name.</summary>
    public required Output<ImmutableDictionary<string, string>> TableArns { get; init; }

    /// <summary>Bucket ARN by logical name.</summary>
    public required Output<ImmutableDictionary<string, string>> BucketArns { get; init; }

    /// <summary>The Cognito user pool whose tokens the authorizer accepts; required when the stack authenticates with Cognito.</summary>
    public Output<string>? UserPoolArn { get; init; }

    /// <summary>The shop page's origin; required when the stack allows only its shop page to call the API.</summary>
    public Output<string>? ShopOrigin { get; init; }
}
