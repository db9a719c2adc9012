using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OrderProcessing.Local.Identity;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Local.Tests.Identity;

/// <summary>Claims reach the function as the REST API's Cognito authorizer renders them: every value a string.</summary>
public sealed class AuthorizerClaimsTests
{
    private static JsonElement ClaimsOf(string payloadJson)
    {
        var token = new JsonWebToken($"{Base64UrlEncoder.Encode("{\"alg\":\"none\"}")}.{Base64UrlEncoder.Encode(payloadJson)}.");
        return AuthorizerClaims.For(token).GetProperty(CallerClaims.ClaimsProperty);
    }

    [Test]
    public void Groups_SeveralOrOne_JoinedByCommas()
    {
        Assert.That(ClaimsOf("{\"cognito:groups\":[\"operators\",\"support\"]}").GetProperty(CallerClaims.Groups).GetString(), Is.EqualTo("operators,support"));
        Assert.That(ClaimsOf("{\"cognito:groups\":[\"operators\"]}").GetProperty(CallerClaims.Groups).GetString(), Is.EqualTo("operators"));
    }

    [Test]
    public void ExpiryAndIssuedAt_Rendered_AreDatesAndOtherValuesTheirText()
    {
        var claims = ClaimsOf("{\"exp\":1680633579,\"iat\":1680629979,\"auth_time\":1680629979,\"email_verified\":true,\"sub\":\"c-42\"}");

        Assert.That(claims.GetProperty("exp").GetString(), Is.EqualTo("Tue Apr 04 18:39:39 UTC 2023"));
        Assert.That(claims.GetProperty("iat").GetString(), Is.EqualTo("Tue Apr 04 17:39:39 UTC 2023"));
        Assert.That(claims.GetProperty("auth_time").GetString(), Is.EqualTo("1680629979"));
        Assert.That(claims.GetProperty("email_verified").GetString(), Is.EqualTo("true"));
        Assert.That(claims.GetProperty(CallerClaims.Subject).GetString(), Is.EqualTo("c-42"));
    }
}
