using OrderProcessing.Infra.Plan.Shop;

namespace OrderProcessing.Infra.Components;

/// <summary>Arguments of <see cref="ShopPage"/>.</summary>
public sealed class ShopPageArgs
{
    /// <summary>The bucket, distribution and headers.</summary>
    public required ShopPlan Shop { get; init; }

    /// <summary>The repository root, whose <see cref="ShopPlan.SourceFolder"/> holds the page's files.</summary>
    public required string RepositoryRoot { get; init; }
}
