namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>
/// How a refused caller is answered, named once for everyone who refuses: the API function (its <c>ProblemTypes</c> point
/// here), the local host that verifies its own tokens, and API Gateway's UNAUTHORIZED, ACCESS_DENIED and
/// MISSING_AUTHENTICATION_TOKEN gateway responses the Pulumi plan writes (which cannot reference the function's assembly).
/// </summary>
public static class CallerRefusals
{
    /// <summary>The prefix of every problem document <c>type</c> of the API.</summary>
    public const string ProblemTypePrefix = "urn:orderprocessing:problem:";

    /// <summary>401: no token, or one that is expired, not yet valid, badly signed, unsigned, or for another issuer or audience.</summary>
    public const string UnauthorizedType = ProblemTypePrefix + "unauthorized";

    /// <summary>403: the caller is known but may not do this.</summary>
    public const string ForbiddenType = ProblemTypePrefix + "forbidden";

    /// <summary>404: no such resource or route; API Gateway answers it too for a path it has no resource for.</summary>
    public const string NotFoundType = ProblemTypePrefix + "not-found";

    /// <summary>The <c>WWW-Authenticate</c> value of every 401 (RFC 6750 section 3).</summary>
    public const string InvalidTokenChallenge = "Bearer error=\"invalid_token\"";

    /// <summary>The media type of problem documents (RFC 9457).</summary>
    public const string ProblemContentType = "application/problem+json";
}
