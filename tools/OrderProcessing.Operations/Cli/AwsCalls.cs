using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;
using Amazon.SQS.Model;

namespace OrderProcessing.Operations.Cli;

/// <summary>Runs one AWS call and turns its failures into one-line <see cref="OperatorException"/>s naming the action and the resource.</summary>
public static class AwsCalls
{
    /// <summary>Runs <paramref name="call"/>, which performs <paramref name="action"/> (<c>sqs:ReceiveMessage</c>) on <paramref name="resource"/>.</summary>
    public static async Task<T> RunAsync<T>(string action, string resource, Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (Describe(action, resource, e) is { } message)
        {
            throw new OperatorException(message, e);
        }
    }

    /// <summary>The one-line message for <paramref name="exception"/>, or null when it is not an AWS or network failure.</summary>
    public static string? Describe(string action, string resource, Exception exception) => exception switch
    {
        QueueDoesNotExistException => $"Queue {resource} does not exist ({action}): check --stack-outputs, or --stack and --region.",
        AmazonServiceException { StatusCode: HttpStatusCode.Forbidden } or AmazonServiceException { ErrorCode: "AccessDenied" or "AccessDeniedException" or "AccessDenied.Exception" } =>
            $"Access denied: the caller may not {action} on {resource}; grant {action} to these credentials. ({exception.Message})",
        AmazonServiceException service => $"{action} on {resource} failed: {service.ErrorCode}: {service.Message}",
        HttpRequestException or SocketException or TaskCanceledException => $"Cannot reach the endpoint for {action} on {resource}: {Innermost(exception).Message}",
        AmazonClientException when Unreachable(exception) => $"Cannot reach the endpoint for {action} on {resource}: {Innermost(exception).Message}",
        AmazonClientException client => $"{action} on {resource} failed: {client.Message}",
        _ => null,
    };

    private static bool Unreachable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException or SocketException or TaskCanceledException)
            {
                return true;
            }
        }

        return false;
    }

    private static Exception Innermost(Exception exception)
    {
        var e = exception;
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
