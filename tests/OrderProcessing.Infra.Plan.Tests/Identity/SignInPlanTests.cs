using OrderProcessing.Infra.Plan.Identity;
using OrderProcessing.Infra.Plan.Settings;
using OrderProcessing.Infra.Plan.Tests.Support;
using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Infra.Plan.Tests.Identity;

public sealed class SignInPlanTests
{
    private static SignInPlan SignIn(bool deletionProtection = false) =>
        ValidSettings.Plan(raw =>
        {
            raw[SettingKeys.ApiAuth] = "cognito";
            raw[SettingKeys.DeletionProtection] = deletionProtection ? "true" : "false";
        }).SignIn!;

    [TestCase("iam")]
    [TestCase("apiKey")]
    public void StackWithoutCognito_HasNoUserPool(string mode)
    {
        Assert.That(ValidSettings.Plan(raw => raw[SettingKeys.ApiAuth] = mode).SignIn, Is.Null);
    }

    [Test]
    public void CognitoStack_NamesItsPoolClientAndHostedDomainAfterTheStack()
    {
        var signIn = SignIn();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(signIn.UserPoolName, Is.EqualTo("order-processing-test-users"));
            Assert.That(signIn.AppClientName, Is.EqualTo("order-processing-test-shop-page"));
            Assert.That(signIn.DomainPrefix, Is.EqualTo("order-processing-test-shop"));
            Assert.That(signIn.HostedUiUrl, Is.EqualTo("https://order-processing-test-shop.auth.us-east-1.amazoncognito.com"));
        }
    }

    [TestCase(true, "ACTIVE")]
    [TestCase(false, "INACTIVE")]
    public void DeletionProtection_FollowsTheStack(bool protectedStack, string mode)
    {
        Assert.That(SignIn(protectedStack).DeletionProtectionMode, Is.EqualTo(mode));
    }

    [Test]
    public void PageClient_UsesTheCodeFlowWithOpenIdScopesAndNoPasswordFlow()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(SignInPlan.OAuthFlows, Is.EqualTo(new[] { "code" }));
            Assert.That(SignInPlan.OAuthScopes, Is.EquivalentTo(new[] { "openid", "email", "profile" }));
            Assert.That(SignInPlan.ExplicitAuthFlows, Has.None.Contains("PASSWORD"));
            Assert.That(SignInPlan.UsernameAttributes, Is.EqualTo(new[] { "email" }));
            Assert.That(SignInPlan.AutoVerifiedAttributes, Is.EqualTo(new[] { "email" }));
            Assert.That(SignInPlan.MinimumPasswordLength, Is.GreaterThanOrEqualTo(12));
        }
    }

    [Test]
    public void OperatorsGroup_IsTheGroupTheFunctionReads()
    {
        Assert.That(SignInPlan.OperatorsGroup, Is.EqualTo(CallerClaims.OperatorsGroup));
    }

    [Test]
    public void DomainPrefix_WithAReservedWord_IsRefused()
    {
        Assert.Throws<InvalidOperationException>(() => SignInPlan.For("order-processing-aws", "us-east-1", false));
    }
}
