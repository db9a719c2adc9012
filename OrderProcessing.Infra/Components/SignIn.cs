using OrderProcessing.Infra.Plan.Identity;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>
/// Customers' and operators' sign-in: a Cognito user pool where anyone signs up with a verified e-mail address, the
/// operators group, the hosted sign-in pages and the shop page's public app client (authorization code with PKCE).
/// </summary>
public sealed class SignIn : ComponentResource
{
    /// <summary>Creates the pool, its group, domain and client.</summary>
    public SignIn(string name, SignInArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.SignIn, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var plan = args.SignIn;
        var parent = new CustomResourceOptions { Parent = this };

        // Self sign-up with the e-mail address as user name; Cognito e-mails a code, and only verified addresses sign in.
        var pool = new Aws.Cognito.UserPool($"{name}-users", new Aws.Cognito.UserPoolArgs
        {
            Name = plan.UserPoolName,
            DeletionProtection = plan.DeletionProtectionMode,
            UsernameAttributes = SignInPlan.UsernameAttributes.Select(a => (Input<string>)a).ToList(),
            AutoVerifiedAttributes = SignInPlan.AutoVerifiedAttributes.Select(a => (Input<string>)a).ToList(),
            UsernameConfiguration = new Aws.Cognito.Inputs.UserPoolUsernameConfigurationArgs { CaseSensitive = false },
            AdminCreateUserConfig = new Aws.Cognito.Inputs.UserPoolAdminCreateUserConfigArgs { AllowAdminCreateUserOnly = false },
            PasswordPolicy = new Aws.Cognito.Inputs.UserPoolPasswordPolicyArgs
            {
                MinimumLength = SignInPlan.MinimumPasswordLength,
                RequireLowercase = true,
                RequireUppercase = true,
                RequireNumbers = true,
                RequireSymbols = false,
                TemporaryPasswordValidityDays = SignInPlan.TemporaryPasswordDays,
            },
            // A forgotten password is recovered through the verified address only (no SMS: no phone numbers are kept).
            AccountRecoverySetting = new Aws.Cognito.Inputs.UserPoolAccountRecoverySettingArgs
            {
                RecoveryMechanisms =
                {
                    new Aws.Cognito.Inputs.UserPoolAccountRecoverySettingRecoveryMechanismArgs { Name = "verified_email", Priority = 1 },
                },
            },
        }, parent);

        // Membership makes an operator; the ID token's cognito:groups names it. Nobody joins by signing up.
        _ = new Aws.Cognito.UserGroup($"{name}-operators", new Aws.Cognito.UserGroupArgs
        {
            Name = SignInPlan.OperatorsGroup,
            UserPoolId = pool.Id,
            Description = "Operators: may act on every order, the catalog and dead letters.",
        }, parent);

        // The hosted sign-in, sign-up and sign-out pages.
        var domain = new Aws.Cognito.UserPoolDomain($"{name}-domain", new Aws.Cognito.UserPoolDomainArgs
        {
            Domain = plan.DomainPrefix,
            UserPoolId = pool.Id,
        }, parent);

        // The shop page's client: public (a browser cannot keep a secret), so the code flow is protected by PKCE.
        var client = new Aws.Cognito.UserPoolClient($"{name}-shop-page", new Aws.Cognito.UserPoolClientArgs
        {
            Name = plan.AppClientName,
            UserPoolId = pool.Id,
            GenerateSecret = false,
            AllowedOauthFlowsUserPoolClient = true,
            AllowedOauthFlows = SignInPlan.OAuthFlows.Select(f => (Input<string>)f).ToList(),
            AllowedOauthScopes = SignInPlan.OAuthScopes.Select(s => (Input<string>)s).ToList(),
            SupportedIdentityProviders = SignInPlan.IdentityProviders.Select(p => (Input<string>)p).ToList(),
            ExplicitAuthFlows = SignInPlan.ExplicitAuthFlows.Select(f => (Input<string>)f).ToList(),
            CallbackUrls = { args.ShopUrl },
            LogoutUrls = { args.ShopUrl },
            DefaultRedirectUri = args.ShopUrl,
            PreventUserExistenceErrors = SignInPlan.PreventUserExistenceErrors,
            EnableTokenRevocation = true,
            IdTokenValidity = SignInPlan.TokenMinutes,
            AccessTokenValidity = SignInPlan.TokenMinutes,
            RefreshTokenValidity = SignInPlan.RefreshTokenDays,
            TokenValidityUnits = new Aws.Cognito.Inputs.UserPoolClientTokenValidityUnitsArgs
            {
                IdToken = "minutes",
                AccessToken = "minutes",
                RefreshToken = "days",
            },
        }, parent);

        UserPoolId = pool.Id;
        UserPoolArn = pool.Arn;
        ClientId = client.Id;
        HostedUiUrl = domain.Domain.Apply(_ => plan.HostedUiUrl);
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["userPoolId"] = UserPoolId,
            ["clientId"] = ClientId,
            ["hostedUiUrl"] = HostedUiUrl,
        });
    }

    /// <summary>The user pool's id, for <c>aws cognito-idp admin-add-user-to-group --user-pool-id</c>.</summary>
    public Output<string> UserPoolId { get; }

    /// <summary>The user pool's ARN, which the API's authorizer trusts.</summary>
    public Output<string> UserPoolArn { get; }

    /// <summary>The shop page's app client id.</summary>
    public Output<string> ClientId { get; }

    /// <summary>The hosted UI's base URL, once its domain exists.</summary>
    public Output<string> HostedUiUrl { get; }
}
