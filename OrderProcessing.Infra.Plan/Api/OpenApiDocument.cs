using System.Text.Json.Nodes;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Infra.Plan.Api;

/// <summary>
/// The Swagger 2.0 document given to <c>Pulumi.AwsApiGateway.RestAPI</c>. Its routes integrate with the API function's alias
/// rather than the function itself (the component's event-handler routes invoke <c>$LATEST</c>), so requests reach only a
/// completely deployed version (<see cref="Functions.FunctionPlan.LiveAlias"/>).
/// </summary>
/// <remarks>
/// With API keys or IAM one greedy proxy route takes every path, behind the stack's authentication. With Cognito the
/// document declares each route of <see cref="SystemTopology.ApiRoutes"/> on its own, with the Cognito authorizer on every
/// route that is not <see cref="ApiAccess.Public"/>, so a route added to the topology is guarded without anyone writing it
/// here. Unknown methods of a known path and unknown paths still reach the function (an <c>ANY</c> method on each path and the
/// greedy proxy, both without the authorizer): it answers them 404 or 405 as it does locally, and tells nothing about any
/// order; a path API Gateway cannot place under any resource is answered 404 with the same problem document by the
/// gateway. Bad tokens never reach the function: the authorizer answers 401 with a problem document (<see cref="CallerRefusals"/>).
/// </remarks>
public static class OpenApiDocument
{
    /// <summary>The security scheme name of API keys in the document.</summary>
    public const string ApiKeyScheme = "api_key";

    /// <summary>The security scheme name of the Cognito user pool authorizer in the document.</summary>
    public const string CognitoScheme = "cognito";

    /// <summary>API Gateway's type of an authorizer that verifies tokens of Cognito user pools.</summary>
    public const string CognitoAuthorizerType = "cognito_user_pools";

    /// <summary>The request header the authorizer reads the ID token from (<c>Bearer</c> prefix accepted).</summary>
    public const string TokenHeader = "Authorization";

    /// <summary>The operation key API Gateway reads as "every method not declared on the path".</summary>
    public const string AnyMethod = "x-amazon-apigateway-any-method";

    /// <summary>The document as JSON.</summary>
    /// <param name="api">The API's plan.</param>
    /// <param name="integrationUri">The API alias's invoke ARN every route integrates with.</param>
    /// <param name="corsOrigin">The browser origin allowed to call the API, resolved (<see cref="ApiPlan.CorsOrigin"/>).</param>
    /// <param name="userPoolArn">The Cognito user pool the authorizer trusts; required with <see cref="ApiAuthMode.Cognito"/>.</param>
    public static string Create(ApiPlan api, string integrationUri, string corsOrigin, string? userPoolArn = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(integrationUri);
        ArgumentNullException.ThrowIfNull(corsOrigin);

        var paths = new JsonObject();
        if (api.Auth == ApiAuthMode.Cognito)
        {
            foreach (var path in SystemTopology.ApiRoutes.GroupBy(r => r.Path, StringComparer.Ordinal))
            {
                var item = new JsonObject();
                foreach (var route in path)
                {
                    item[route.Method.ToLowerInvariant()] = Operation(integrationUri, route.Segments, route.Access != ApiAccess.Public);
                }

                item[AnyMethod] = Operation(integrationUri, path.First().Segments, guarded: false);
                item["options"] = Preflight(corsOrigin, path.First().Segments);
                paths[path.Key] = item;
            }
        }

        var proxy = Operation(integrationUri, ["{proxy+}"], guarded: false);
        if (api.Auth == ApiAuthMode.ApiKey)
        {
            proxy["security"] = new JsonArray(new JsonObject { [ApiKeyScheme] = new JsonArray() });
        }
        else if (api.Auth == ApiAuthMode.Iam)
        {
            proxy["x-amazon-apigateway-auth"] = new JsonObject { ["type"] = "AWS_IAM" };
        }

        paths[ApiPlan.ProxyPath] = new JsonObject
        {
            [AnyMethod] = proxy,
            // Browsers send preflights without credentials, so OPTIONS is answered by API Gateway itself, unauthenticated.
            ["options"] = Preflight(corsOrigin, ["{proxy+}"]),
        };

        // Errors API Gateway raises itself (bad key, throttled, timeout) carry the CORS header too, so browsers can read them.
        var gatewayResponses = new JsonObject
        {
            ["DEFAULT_4XX"] = CorsGatewayResponse(corsOrigin),
            ["DEFAULT_5XX"] = CorsGatewayResponse(corsOrigin),
        };
        var document = new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = new JsonObject { ["title"] = api.RestApiName, ["version"] = "1.0" },
            ["schemes"] = new JsonArray("https"),
            ["paths"] = paths,
            ["x-amazon-apigateway-gateway-responses"] = gatewayResponses,
        };
        if (api.Auth == ApiAuthMode.ApiKey)
        {
            document["securityDefinitions"] = new JsonObject
            {
                [ApiKeyScheme] = new JsonObject { ["type"] = "apiKey", ["name"] = "x-api-key", ["in"] = "header" },
            };
            document["x-amazon-apigateway-api-key-source"] = "HEADER";
        }
        else if (api.Auth == ApiAuthMode.Cognito)
        {
            document["securityDefinitions"] = new JsonObject
            {
                [CognitoScheme] = new JsonObject
                {
                    ["type"] = "apiKey",
                    ["name"] = TokenHeader,
                    ["in"] = "header",
                    ["x-amazon-apigateway-authtype"] = CognitoAuthorizerType,
                    ["x-amazon-apigateway-authorizer"] = new JsonObject
                    {
                        ["type"] = CognitoAuthorizerType,
                        ["providerARNs"] = new JsonArray(userPoolArn ?? throw new ArgumentNullException(nameof(userPoolArn), "A Cognito stack's authorizer needs its user pool.")),
                    },
                },
            };
            // The authorizer's refusals: RFC 6750's challenge and the API's own problem documents, as the function and
            // the local host answer them.
            gatewayResponses["UNAUTHORIZED"] = Refusal(corsOrigin, 401, CallerRefusals.UnauthorizedType, "Unauthorized",
                "Sign in: the request needs a valid ID token in the Authorization header (Bearer).", CallerRefusals.InvalidTokenChallenge);
            gatewayResponses["ACCESS_DENIED"] = Refusal(corsOrigin, 403, CallerRefusals.ForbiddenType, "Forbidden",
                "The caller may not do this.", "Bearer error=\"insufficient_scope\"");
            // Every declared path has a catch-all method and the greedy proxy takes the rest, so API Gateway raises this
            // only for a path it cannot place under any resource (should it not fall back to the root proxy from under a
            // declared one, as in /orders/1/x/y): an unknown route, answered as the function answers one. Never a token
            // problem: the authorizer's refusals are UNAUTHORIZED.
            gatewayResponses["MISSING_AUTHENTICATION_TOKEN"] = Problem(corsOrigin, 404, CallerRefusals.NotFoundType, "Not found",
                "No such route.");
        }

        return document.ToJsonString(PlanJson.Options);
    }

    private static JsonObject Operation(string integrationUri, IReadOnlyList<string> segments, bool guarded)
    {
        var operation = new JsonObject();
        var parameters = PathParameters(segments);
        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        if (guarded)
        {
            // No scopes: the authorizer then accepts ID tokens, whose claims (e-mail, name, groups) the function reads.
            operation["security"] = new JsonArray(new JsonObject { [CognitoScheme] = new JsonArray() });
        }

        operation["x-amazon-apigateway-integration"] = new JsonObject
        {
            ["type"] = "aws_proxy",
            // Lambda is always invoked with POST, whatever the client's method.
            ["httpMethod"] = "POST",
            ["uri"] = integrationUri,
            ["passthroughBehavior"] = "when_no_match",
        };
        return operation;
    }

    private static JsonArray PathParameters(IReadOnlyList<string> segments) =>
        new([.. segments
            .Where(s => s.StartsWith('{') && s.EndsWith('}'))
            .Select(s => (JsonNode)new JsonObject { ["name"] = s.Trim('{', '}', '+'), ["in"] = "path", ["required"] = true, ["type"] = "string" })]);

    private static JsonObject Refusal(string corsOrigin, int status, string type, string title, string detail, string challenge)
    {
        var response = Problem(corsOrigin, status, type, title, detail);
        ((JsonObject)response["responseParameters"]!)["gatewayresponse.header.WWW-Authenticate"] = Quoted(challenge);
        return response;
    }

    private static JsonObject Problem(string corsOrigin, int status, string type, string title, string detail)
    {
        var response = CorsGatewayResponse(corsOrigin);
        response["statusCode"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var parameters = (JsonObject)response["responseParameters"]!;
        parameters["gatewayresponse.header.Content-Type"] = Quoted(CallerRefusals.ProblemContentType);
        var body = new JsonObject { ["type"] = type, ["title"] = title, ["status"] = status, ["detail"] = detail };
        response["responseTemplates"] = new JsonObject { ["application/json"] = body.ToJsonString(PlanJson.Options) };
        return response;
    }

    private static JsonObject Preflight(string corsOrigin, IReadOnlyList<string> segments)
    {
        var preflight = PreflightOf(corsOrigin);
        var parameters = PathParameters(segments);
        if (parameters.Count > 0)
        {
            preflight["parameters"] = parameters;
        }

        return preflight;
    }

    private static JsonObject PreflightOf(string corsOrigin) => new()
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
                        ["method.response.header.Access-Control-Allow-Origin"] = Quoted(corsOrigin),
                        ["method.response.header.Access-Control-Allow-Methods"] = Quoted(string.Join(',', ApiPlan.CorsAllowMethods)),
                        ["method.response.header.Access-Control-Allow-Headers"] = Quoted(string.Join(',', ApiPlan.CorsAllowHeaders)),
                        ["method.response.header.Access-Control-Max-Age"] = Quoted("600"),
                    },
                },
            },
        },
    };

    private static JsonObject CorsGatewayResponse(string corsOrigin) => new()
    {
        ["responseParameters"] = new JsonObject
        {
            ["gatewayresponse.header.Access-Control-Allow-Origin"] = Quoted(corsOrigin),
            ["gatewayresponse.header.Access-Control-Allow-Headers"] = Quoted(string.Join(',', ApiPlan.CorsAllowHeaders)),
        },
    };

    // API Gateway reads static header values as single-quoted literals.
    private static string Quoted(string value) => $"'{value}'";
}
