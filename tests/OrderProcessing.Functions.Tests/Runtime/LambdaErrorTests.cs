using System.Text.Json;
using OrderProcessing.Functions.Runtime;

namespace OrderProcessing.Functions.Tests.Runtime;

/// <summary>The error body is the specification's <c>{"errorMessage","errorType","stackTrace"}</c>, scrubbed like a log line.</summary>
public sealed class LambdaErrorTests
{
    [Test]
    public async Task SerializedError_HasTheSpecificationsShape()
    {
        var error = LambdaError.FromException(await Thrown(new InvalidOperationException("boom")));

        using var json = JsonDocument.Parse(RuntimeJson(error));
        var root = json.RootElement;

        Assert.That(root.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "errorMessage", "errorType", "stackTrace" }));
        Assert.That(root.GetProperty("errorMessage").GetString(), Is.EqualTo("boom"));
        Assert.That(root.GetProperty("errorType").GetString(), Is.EqualTo("System.InvalidOperationException"));
        Assert.That(root.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()), Has.Some.Contains(nameof(Thrown)));
    }

    [Test]
    public void FromException_MessageWithPersonalData_IsScrubbed()
    {
        var error = LambdaError.FromException(new InvalidOperationException("jane.doe@example.com paid with tok_visa"));

        Assert.That(error.ErrorMessage, Does.Not.Contain("jane.doe@example.com").And.Not.Contain("tok_visa"));
    }

    // The bytes the client posts: the source-generated context's.
    private static string RuntimeJson(LambdaError error) => JsonSerializer.Serialize(error, RuntimeJsonContext.Default.LambdaError);

    private static async Task<Exception> Thrown(Exception exception)
    {
        try
        {
            await Task.Yield();
            throw exception;
        }
        catch (Exception e)
        {
            return e;
        }
    }
}
