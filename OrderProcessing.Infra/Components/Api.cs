using OrderProcessing.Infra.Plan.Api;
using OrderProcessing.Topology;
using Pulumi;
using Aws = Pulumi.Aws;
using AwsApiGateway = Pulumi.AwsApiGateway;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// The public HTTP API: the API function behind a <c>Pulumi.AwsApiGateway.RestAPI</c>, throttled, and authenticated per
/// stack by the Cognito authorizer on every route that is not public, by API key (with a usage plan) or by IAM.
/// </summary>
public sealed class Api : ComponentResource
{
    /// <summary>Creates the API function and the REST API in front of it.</summary>
    public Api(string name, ApiArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.Api, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.Api;
        var parent = new CustomResourceOptions { Parent = this };

        // The whole HTTP contract in one function.
        var function = new LambdaFunction($"{name}-function", new LambdaFunctionArgs
        {
            Function = args.Function,
            PackagePath = args.PackagePath,
            Environment = args.Environment,
            TableArns = args.TableArns,
            BucketArns = args.BucketArns,
        }, new ComponentResourceOptions { Parent = this });

        // The REST API, stage and deployment. The OpenAPI document routes every path to the function's alias (so requests
        // reach only a completely deployed version), requires the stack's authentication and answers CORS preflights.
        var restApi = new AwsApiGateway.RestAPI($"{name}-rest-api", new AwsApiGateway.RestAPIArgs
        {
            Description = "order-processing HTTP API",
            SwaggerString = Output.Tuple(function.AliasInvokeArn, Optional(args.UserPoolArn), Optional(args.ShopOrigin))
                .Apply(t => plan.OpenApi(t.Item1, t.Item2, t.Item3)),
            StageName = plan.StageName,
            BinaryMediaTypes = ApiPlan.BinaryMediaTypes.Select(type => (Input<string>)type).ToList(),
            ApiKeySource = plan.Auth == ApiAuthMode.ApiKey ? AwsApiGateway.APIKeySource.HEADER : null,
        }, new ComponentResourceOptions { Parent = this });

        // The component exports its URL as a plain string; the API id, region and stage are read from it.
        var endpoint = restApi.Url.Apply(url => ApiEndpoint.Parse(url));

        // Lets API Gateway invoke the alias, for this API's stage only.
        _ = new Aws.Lambda.Permission($"{name}-invoke", new Aws.Lambda.PermissionArgs
        {
            Action = "lambda:InvokeFunction",
            Function = function.FunctionName,
            Qualifier = function.AliasName,
            Principal = "apigateway.amazonaws.com",
            SourceArn = Output.Tuple(endpoint, function.AliasArn).Apply(t => t.Item1.InvokeSourceArn(t.Item2)),
        }, parent);

        // Stage-wide throttling: protects the function and the tables whatever the caller.
        _ = new Aws.ApiGateway.MethodSettings($"{name}-throttling", new Aws.ApiGateway.MethodSettingsArgs
        {
            RestApi = endpoint.Apply(e => e.ApiId),
            StageName = plan.StageName,
            MethodPath = ApiPlan.AllMethods,
            Settings = new Aws.ApiGateway.Inputs.MethodSettingsSettingsArgs
            {
                ThrottlingRateLimit = plan.RateLimit,
                ThrottlingBurstLimit = plan.BurstLimit,
            },
        }, new CustomResourceOptions { Parent = this, DependsOn = { restApi } });

        string? noKey = null;
        var apiKeyValue = Output.Create(noKey);
        if (plan.Auth == ApiAuthMode.ApiKey)
        {
            // Throttles each key to the stack's limits.
            var usagePlan = new Aws.ApiGateway.UsagePlan($"{name}-usage-plan", new Aws.ApiGateway.UsagePlanArgs
            {
                Name = plan.UsagePlanName,
                ApiStages =
                {
                    new Aws.ApiGateway.Inputs.UsagePlanApiStageArgs { ApiId = endpoint.Apply(e => e.ApiId), Stage = plan.StageName },
                },
                ThrottleSettings = new Aws.ApiGateway.Inputs.UsagePlanThrottleSettingsArgs
                {
                    RateLimit = plan.RateLimit,
                    BurstLimit = plan.BurstLimit,
                },
            }, new CustomResourceOptions { Parent = this, DependsOn = { restApi } });

            // The key clients send in x-api-key; its value is a secret output of the stack.
            var key = new Aws.ApiGateway.ApiKey($"{name}-key", new Aws.ApiGateway.ApiKeyArgs
            {
                Name = plan.ApiKeyName,
                Description = "Key of the order-processing API clients",
                Enabled = true,
            }, parent);

            // Puts the key under the usage plan; a key outside any plan is rejected.
            _ = new Aws.ApiGateway.UsagePlanKey($"{name}-usage-plan-key", new Aws.ApiGateway.UsagePlanKeyArgs
            {
                KeyId = key.Id,
                KeyType = "API_KEY",
                UsagePlanId = usagePlan.Id,
            }, parent);

            apiKeyValue = Output.CreateSecret(key.Value.Apply(value => (string?)value));
        }

        Url = restApi.Url;
        ApiKeyValue = apiKeyValue;
        FunctionName = function.FunctionName;
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url, ["functionName"] = FunctionName });
    }

    private static Output<string?> Optional(Output<string>? value) => value?.Apply(v => (string?)v) ?? Output.Create((string?)null);

    /// <summary>The API's base URL (ends with the stage and a slash).</summary>
    public Output<string> Url { get; }

    /// <summary>The API key clients send, a secret; null with IAM authentication.</summary>
    public Output<string?> ApiKeyValue { get; }

    /// <summary>The API function's name.</summary>
    public Output<string> FunctionName { get; }
}
