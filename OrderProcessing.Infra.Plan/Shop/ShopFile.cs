namespace OrderProcessing.Infra.Plan.Shop;

/// <summary>One file of the shop page as the bucket holds it.</summary>
/// <param name="Key">The object key, the file's path under the page's folder with forward slashes (<c>app.js</c>).</param>
/// <param name="SourcePath">The file in the repository the object is uploaded from.</param>
/// <param name="ContentType">The <c>Content-Type</c> CloudFront serves it with.</param>
public sealed record ShopFile(string Key, string SourcePath, string ContentType);
