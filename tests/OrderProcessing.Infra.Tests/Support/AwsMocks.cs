using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace OrderProcessing.Infra.Tests.Support;

/// <summary>
/// The engine's stand-in: records every resource the program registers and answers with the outputs AWS would compute
/// (ARNs, URLs, versions) in a sample account and region, shaped like the real ones so the program's parsing runs.
/// </summary>
public sealed class AwsMocks : IMocks
{
    /// <summary>The sample account.</summary>
    public const string Account = "123456789012";

    /// <summary>The sample region.</summary>
    public const string Region = "us-east-1";

    /// <summary>The URL the RestAPI component reports.</summary>
    public const string ApiUrl = "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/v1/";

    /// <summary>The suffix S3 appends to a bucket prefix.</summary>
    public const string BucketSuffix = "20250101abcdef";

    /// <summary>The API key value AWS generates.</summary>
    public const string ApiKeyValue = "sample-api-key-value";

    /// <summary>The shop page distribution's id.</summary>
    public const string DistributionId = "E2EXAMPLE";

    /// <summary>The shop page distribution's ARN.</summary>
    public const string DistributionArn = $"arn:aws:cloudfront::{Account}:distribution/{DistributionId}";

    /// <summary>The shop page distribution's domain.</summary>
    public const string DistributionDomain = "d111111abcdef8.cloudfront.net";

    /// <summary>The Cognito user pool's id.</summary>
    public const string UserPoolId = "us-east-1_Example";

    /// <summary>The Cognito user pool's ARN.</summary>
    public const string UserPoolArn = $"arn:aws:cognito-idp:{Region}:{Account}:userpool/{UserPoolId}";

    /// <summary>The shop page's app client id.</summary>
    public const string UserPoolClientId = "1example23456789";

    /// <summary>The ARN SES gives the e-mail identity <paramref name="address"/>.</summary>
    public static string SesIdentityArn(string address) => $"arn:aws:ses:{Region}:{Account}:identity/{address}";

    /// <summary>The ARN SES gives the configuration set <paramref name="name"/>.</summary>
    public static string SesConfigurationSetArn(string name) => $"arn:aws:ses:{Region}:{Account}:configuration-set/{name}";

    private readonly ConcurrentQueue<MockResourceArgs> _resources = new();
    private readonly ConcurrentQueue<MockCallArgs> _calls = new();
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, Pulumi.Output<object?>>> _outputs = new();

    /// <summary>Every resource registered, in order.</summary>
    public IReadOnlyList<MockResourceArgs> Resources => _resources.ToList();

    /// <summary>Every provider function the program called.</summary>
    public IReadOnlyList<MockCallArgs> Calls => _calls.ToList();

    /// <summary>The outputs each component (and the stack) registered, by URN.</summary>
    public IReadOnlyDictionary<string, ImmutableDictionary<string, Pulumi.Output<object?>>> RegisteredOutputs => _outputs;

    /// <inheritdoc />
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _resources.Enqueue(args);

        var inputs = args.Inputs;
        var state = inputs.ToBuilder();
        var name = inputs.TryGetValue("name", out var n) && n is string s ? s : args.Name!;
        string? id = $"{args.Name}-id";

        switch (args.Type)
        {
            case "aws:dynamodb/table:Table":
                state["arn"] = $"arn:aws:dynamodb:{Region}:{Account}:table/{name}";
                if (inputs.TryGetValue("streamEnabled", out var stream) && stream is true)
                {
                    state["streamArn"] = $"arn:aws:dynamodb:{Region}:{Account}:table/{name}/stream/2025-01-01T00:00:00.000";
                }

                id = name;
                break;
            case "aws:sqs/queue:Queue":
                state["arn"] = $"arn:aws:sqs:{Region}:{Account}:{name}";
                state["url"] = $"https://sqs.{Region}.amazonaws.com/{Account}/{name}";
                id = (string)state["url"];
                break;
            case "aws:lambda/function:Function":
                state["arn"] = $"arn:aws:lambda:{Region}:{Account}:function:{name}";
                state["version"] = "1";
                state["qualifiedArn"] = $"arn:aws:lambda:{Region}:{Account}:function:{name}:1";
                id = name;
                break;
            case "aws:lambda/alias:Alias":
                var aliasArn = $"arn:aws:lambda:{Region}:{Account}:function:{inputs["functionName"]}:{name}";
                state["arn"] = aliasArn;
                state["invokeArn"] = $"arn:aws:apigateway:{Region}:lambda:path/2015-03-31/functions/{aliasArn}/invocations";
                break;
            case "aws:cloudwatch/eventRule:EventRule":
                state["arn"] = $"arn:aws:events:{Region}:{Account}:rule/{name}";
                id = name;
                break;
            case "aws:iam/role:Role":
                state["arn"] = $"arn:aws:iam::{Account}:role/{name}";
                id = name;
                break;
            case "aws:cloudwatch/logGroup:LogGroup":
                state["arn"] = $"arn:aws:logs:{Region}:{Account}:log-group:{name}";
                id = name;
                break;
            case "aws:sns/topic:Topic":
                state["arn"] = $"arn:aws:sns:{Region}:{Account}:{name}";
                id = (string)state["arn"];
                break;
            case "aws:s3/bucket:Bucket":
                var bucket = $"{inputs["bucketPrefix"]}{BucketSuffix}";
                state["bucket"] = bucket;
                state["arn"] = $"arn:aws:s3:::{bucket}";
                state["bucketRegionalDomainName"] = $"{bucket}.s3.{Region}.amazonaws.com";
                id = bucket;
                break;
            case "aws:sesv2/emailIdentity:EmailIdentity":
                state["arn"] = SesIdentityArn((string)inputs["emailIdentity"]);
                id = (string)inputs["emailIdentity"];
                break;
            case "aws:sesv2/configurationSet:ConfigurationSet":
                state["arn"] = SesConfigurationSetArn((string)inputs["configurationSetName"]);
                id = (string)inputs["configurationSetName"];
                break;
            case "aws:pipes/pipe:Pipe":
                state["arn"] = $"arn:aws:pipes:{Region}:{Account}:pipe/{name}";
                break;
            case "aws:cloudfront/distribution:Distribution":
                state["arn"] = DistributionArn;
                state["domainName"] = DistributionDomain;
                id = DistributionId;
                break;
            case "aws:cognito/userPool:UserPool":
                state["arn"] = UserPoolArn;
                id = UserPoolId;
                break;
            case "aws:cognito/userPoolClient:UserPoolClient":
                id = UserPoolClientId;
                break;
            case "aws:cognito/userPoolDomain:UserPoolDomain":
                id = (string)inputs["domain"];
                break;
            case "aws:apigateway/apiKey:ApiKey":
                state["value"] = ApiKeyValue;
                break;
            case "aws-apigateway:index:RestAPI":
                // A remote component: the engine builds its children; the program sees only its outputs.
                state["url"] = ApiUrl;
                id = null;
                break;
            default:
                if (args.Type!.StartsWith("order-processing:", StringComparison.Ordinal))
                {
                    id = null;
                }

                break;
        }

        return Task.FromResult<(string?, object)>((id, state.ToImmutable()));
    }

    /// <inheritdoc />
    public Task<object> CallAsync(MockCallArgs args)
    {
        _calls.Enqueue(args);
        return Task.FromResult<object>(ImmutableDictionary<string, object>.Empty);
    }

    /// <inheritdoc />
    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args)
    {
        ArgumentNullException.ThrowIfNull(args);
        _outputs[args.Urn] = args.Outputs;
        return Task.CompletedTask;
    }
}
