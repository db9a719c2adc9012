using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using OrderProcessing.Functions.Adapters.Aws;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>The products table as both ports use it: its client and name, and the consistent read of one product item.</summary>
internal sealed class ProductTable
{
    public ProductTable(IAmazonDynamoDB client, string tableName)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        Client = client;
        Name = tableName;
    }

    public IAmazonDynamoDB Client { get; }

    public string Name { get; }

    /// <summary>The product's item, or null when there is none; without <paramref name="withLedger"/>, only the catalog attributes.</summary>
    public async Task<ProductState?> ReadAsync(string productId, bool withLedger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(productId);
        var request = new GetItemRequest { TableName = Name, Key = ProductItemMapper.Key(productId), ConsistentRead = true };
        if (!withLedger)
        {
            request.ProjectionExpression = ProductItemMapper.CatalogProjection;
            request.ExpressionAttributeNames = ProductItemMapper.CatalogProjectionNames();
        }

        var response = await AwsErrors.RunAsync($"GetItem {Name}", ct => Client.GetItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? ProductItemMapper.FromItem(item) : null;
    }

    /// <summary>Runs one UpdateItem; false when its condition failed.</summary>
    public async Task<bool> TryUpdateAsync(UpdateItemRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await AwsErrors.RunAsync($"UpdateItem {Name}", ct => Client.UpdateItemAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
