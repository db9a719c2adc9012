using System.Text.Json.Nodes;
using OrderProcessing.Infra.Plan.Settings;

namespace OrderProcessing.Infra.Plan.Api;

/// <summary>
/// The Swagger 2.0 document given to <c>Pulumi.AwsApiGateway.RestAPI</c>. Its proxy route integrates with the API function's
/// alias rather than the function itself (the component's event-handler routes invoke <c>$LATEST</c>), so requests reach
/// only a completely deployed version (<see cref="Functions.FunctionPlan.LiveAlias"/>).
/// </summary>
public static class OpenApiDocument
{
    /// <summary>The security scheme name of API keys in the document.</summary>
    public const string ApiKeyScheme = "api_key";

    /// <summary>The document as JSON.</summary>
    public static string Create(ApiPlan api, string integrationUri)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(integrationUri);

        var proxy = new JsonObject
        {
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "proxy", ["in"] = "path", ["required"] = true, ["type"] = "string" }),
            ["x-amazon-apigateway-integration"] = new JsonObject
            {
                ["type"] = "aws_proxy",
                // Lambda is always invoked with POST, whatever the client's method.
                ["httpMethod"] = "POST",
                ["uri"] = integrationUri,
                ["passthroughBehavior"] = "when_no_match",
            },
        };
        if (api.Auth == ApiAuthMode.ApiKey)
        {
            proxy["security"] = new JsonArray(new JsonObject { [ApiKeyScheme] = new JsonArray() });
        }
        else
        {
            proxy["x-amazon-apigateway-auth"] = new JsonObject { ["type"] = "AWS_IAM" };
        }

        var document = new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = api.RestApiName, ["version"] = "1.0" },
            ["schemes"] = new JsonArray("https"),
            ["paths"] = new JsonObject
            {
                [ApiPlan.ProxyPath] = new JsonObject
                {
                    ["x-amazon-apigateway-any-method"] = proxy,
                    // Browsers send preflights without credentials, so OPTIONS is answered by API Gateway itself, unauthenticated.
                    ["options"] = Preflight(api),
                },
            },
            // Errors API Gateway raises itself (bad key, throttled, timeout) carry the CORS header too, so browsers can read them.
            ["x-amazon-apigateway-gateway-responses"] = new JsonObject
            {
                ["DEFAULT_4XX"] = CorsGatewayResponse(api),
                ["DEFAULT_5XX"] = CorsGatewayResponse(api),
            },
        };
        if (api.Auth == ApiAuthMode.ApiKey)
        {
            document["securityDefinitions"] = new JsonObject
            {
                [ApiKeyScheme] = new JsonObject { ["type"] = "apiKey", ["name"] = "x-api-key", ["in"] = "header" },
            };
            document["x-amazon-apigateway-api-key-source"] = "HEADER";
        }

        return document.ToJsonString(PlanJson.Options);
    }

    private static JsonObject Preflight(ApiPlan api) => new()
    {
        ["consumes"] = new JsonArray("application/json"),
        ["produces"] = new JsonArray("application/json"),
        ["responses"] = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = "CORS preflight",
                ["headers"] = new JsonObject
                {
                    ["Access-Control-Allow-Origin"] = new JsonObject { ["type"] = "string" },
                    ["Access-Control-Allow-Methods"] = new JsonObject { ["type"] = "string" },
                    ["Access-Control-Allow-Headers"] = new JsonObject { ["type"] = "string" },
                    ["Access-Control-Max-Age"] = new JsonObject { ["type"] = "string" },
                },
            },
        },
        ["x-amazon-apigateway-integration"] = new JsonObject
        {
            ["type"] = "mock",
            ["requestTemplates"] = new JsonObject { ["application/json"] = "{\"statusCode\": 200}" },
            ["passthroughBehavior"] = "when_no_match",
            ["responses"] = new JsonObject
            {
                ["default"] = new JsonObject
                {
                    ["statusCode"] = "200",
                    ["responseParameters"] = new JsonObject
                    {
                        ["method.response.header.Access-Control-Allow-Origin"] = Quoted(api.CorsAllowOrigin),
                        ["method.response.header.Access-Control-Allow-Methods"] = Quoted(string.Join(',', ApiPlan.CorsAllowMethods)),
                        ["method.response.header.Access-Control-Allow-Headers"] = Quoted(string.Join(',', ApiPlan.CorsAllowHeaders)),
                        ["method.response.header.Access-Control-Max-Age"] = Quoted("600"),
                    },
                },
            },
        },
    };

    private static JsonObject CorsGatewayResponse(ApiPlan api) => new()
    {
        ["responseParameters"] = new JsonObject
        {
            ["gatewayresponse.header.Access-Control-Allow-Origin"] = Quoted(api.CorsAllowOrigin),
            ["gatewayresponse.header.Access-Control-Allow-Headers"] = Quoted(string.Join(',', ApiPlan.CorsAllowHeaders)),
        },
    };

    // API Gateway reads static header values as single-quoted literals.
    private static string Quoted(string value) => $"'{value}'";
}
