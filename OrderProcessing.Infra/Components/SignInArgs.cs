using OrderProcessing.Infra.Plan.Identity;
using Pulumi;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="SignIn"/>.</summary>
public sealed class SignInArgs
{
    /// <summary>The user pool, its client and hosted domain.</summary>
    public required SignInPlan SignIn { get; init; }

    /// <summary>The shop page's URL: where Cognito sends customers back after signing in and out.</summary>
    public required Output<string> ShopUrl { get; init; }
}
