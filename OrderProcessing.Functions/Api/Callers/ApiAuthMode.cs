using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Callers;

/// <summary>How the API function learns who calls: the value of <see cref="SettingNames.ApiAuth"/>.</summary>
public enum ApiAuthMode
{
    /// <summary><c>cognito</c>: customers and operators by the claims API Gateway's Cognito authorizer (or the local host) verified.</summary>
    Cognito,

    /// <summary><c>iam</c>: API Gateway checked a SigV4 signature; every caller it let through is an operator (a machine caller).</summary>
    Iam,

    /// <summary><c>apiKey</c>: API Gateway checked an API key; every caller it let through is an operator.</summary>
    ApiKey,

    /// <summary><c>none</c>: no checking at all (the local host's <c>--auth none</c>, tests); every caller is an operator.</summary>
    None,
}
