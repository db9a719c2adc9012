namespace OrderProcessing.Infra.Plan.Api;

/// <summary>
/// The parts of a REST API's invoke URL (<c>https://{apiId}.execute-api.{region}.amazonaws.com/{stage}/</c>). The program
/// reads the API id from the URL the RestAPI component exports, so it depends only on that documented string output.
/// </summary>
public sealed record ApiEndpoint(string ApiId, string Region, string Stage)
{
    /// <summary>Parses an invoke URL; throws <see cref="FormatException"/> when it is not one.</summary>
    public static ApiEndpoint Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new FormatException($"'{url}' is not an https URL.");
        }

        var host = uri.Host.Split('.');
        var path = uri.AbsolutePath.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return host.Length >= 4 && host[1] == "execute-api" && path.Length >= 1
            ? new ApiEndpoint(host[0], host[2], path[0])
            : throw new FormatException($"'{url}' is not an API Gateway invoke URL (https://{{apiId}}.execute-api.{{region}}.amazonaws.com/{{stage}}/).");
    }

    /// <summary>
    /// The source ARN that lets API Gateway invoke a function for any method and path of this stage, in the partition and
    /// account of <paramref name="functionArn"/> (the same account deploys both).
    /// </summary>
    public string InvokeSourceArn(string functionArn)
    {
        var function = Iam.Arn.Parse(functionArn);
        return $"arn:{function.Partition}:execute-api:{Region}:{function.Account}:{ApiId}/{Stage}/*";
    }
}
