using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.S3;
using Amazon.S3.Model;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Functions.Adapters.Aws;

/// <summary>
/// Creates the tables and the bucket of <see cref="StorageSchema"/> when asked: for the local host and the tests. In AWS
/// the Pulumi program creates them from the same schema. Existing resources are left as they are.
/// </summary>
public sealed class StorageProvisioner(IAmazonDynamoDB dynamoDb, IAmazonS3? s3 = null)
{
    /// <summary>Creates every missing table and, when an S3 client was given, the bucket.</summary>
    public async Task EnsureAllAsync(StorageNames names, TableProvisioningOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(names);
        await Task.WhenAll(StorageSchema.Tables.Select(t => EnsureTableAsync(t, names.Table(t), options, cancellationToken))).ConfigureAwait(false);
        if (s3 is not null)
        {
            await EnsureBucketAsync(names.Bucket(StorageSchema.Invoices), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Creates table <paramref name="tableName"/> as <paramref name="schema"/> describes unless it exists, and waits until it is active.</summary>
    public async Task EnsureTableAsync(TableSchema schema, string tableName, TableProvisioningOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        options ??= new TableProvisioningOptions();
        try
        {
            await dynamoDb.CreateTableAsync(CreateTableRequestFor(schema, tableName, options.Streams), cancellationToken).ConfigureAwait(false);
        }
        catch (ResourceInUseException)
        {
            // Exists already (or is being created by someone else): wait for it like for our own.
        }

        await WaitActiveAsync(tableName, options.ActiveTimeout ?? TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        if (options.TimeToLive && schema.TimeToLiveAttribute is { } ttl)
        {
            var current = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            if (current.TimeToLiveDescription?.TimeToLiveStatus != TimeToLiveStatus.ENABLED)
            {
                await dynamoDb.UpdateTimeToLiveAsync(
                    new UpdateTimeToLiveRequest { TableName = tableName, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ttl, Enabled = true } },
                    cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Creates bucket <paramref name="bucketName"/> unless it exists.</summary>
    public async Task EnsureBucketAsync(string bucketName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bucketName);
        var client = s3 ?? throw new InvalidOperationException("This provisioner was created without an S3 client.");
        try
        {
            await client.HeadBucketAsync(new HeadBucketRequest { BucketName = bucketName }, cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Missing: create it below.
        }

        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucketName }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The CreateTable request for <paramref name="schema"/>: on-demand billing, every index with its projection, and the stream if asked.</summary>
    public static CreateTableRequest CreateTableRequestFor(TableSchema schema, string tableName, bool withStream = true)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = schema.KeyAttributes.Select(a => new AttributeDefinition(a.Name, a.Kind == AttributeKind.String ? ScalarAttributeType.S : ScalarAttributeType.N)).ToList(),
            KeySchema = Keys(schema.PartitionKey, schema.SortKey),
        };
        if (schema.Indexes.Count > 0)
        {
            request.GlobalSecondaryIndexes = schema.Indexes.Select(i => new GlobalSecondaryIndex
            {
                IndexName = i.Name,
                KeySchema = Keys(i.PartitionKey, i.SortKey),
                Projection = new Projection { ProjectionType = i.Projection == IndexProjection.KeysOnly ? ProjectionType.KEYS_ONLY : ProjectionType.ALL },
            }).ToList();
        }

        if (withStream && schema.Stream is StreamView.NewAndOldImages)
        {
            request.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES };
        }

        return request;
    }

    private static List<KeySchemaElement> Keys(KeyAttribute partition, KeyAttribute? sort)
    {
        var keys = new List<KeySchemaElement> { new(partition.Name, KeyType.HASH) };
        if (sort is not null)
        {
            keys.Add(new KeySchemaElement(sort.Name, KeyType.RANGE));
        }

        return keys;
    }

    private async Task WaitActiveAsync(string tableName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var table = (await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false)).Table;
            if (table.TableStatus == TableStatus.ACTIVE && (table.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Table '{tableName}' did not become active within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }
}
