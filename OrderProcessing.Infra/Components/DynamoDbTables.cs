using System.Collections.Immutable;
using OrderProcessing.Topology.Storage;
using OrderProcessing.Infra.Plan.Storage;
using Pulumi;
using Aws = Pulumi.Aws;

namespace OrderProcessing.Infra.Components;

/// <summary>The DynamoDB tables of the storage schema, exactly as the adapters declare them.</summary>
public sealed class DynamoDbTables : ComponentResource
{
    private readonly Dictionary<string, Aws.DynamoDB.Table> _byLogicalName = [];

    /// <summary>Creates one table per <see cref="DynamoDbTablesArgs.Tables"/>.</summary>
    public DynamoDbTables(string name, DynamoDbTablesArgs args, ComponentResourceOptions? options = null)
        : base(ComponentTypes.DynamoDbTables, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        foreach (var table in args.Tables)
        {
            _byLogicalName[table.Schema.LogicalName] = Create($"{name}-{table.Schema.LogicalName}", table);
        }

        Arns = Output.All(_byLogicalName.Select(t => t.Value.Arn.Apply(arn => KeyValuePair.Create(t.Key, arn))))
            .Apply(pairs => pairs.ToImmutableDictionary());
        Names = Output.All(_byLogicalName.Select(t => t.Value.Name.Apply(physical => KeyValuePair.Create(t.Key, physical))))
            .Apply(pairs => pairs.ToImmutableDictionary());

        RegisterOutputs(new Dictionary<string, object?> { ["arns"] = Arns, ["names"] = Names });
    }

    /// <summary>Table ARN by logical name.</summary>
    public Output<ImmutableDictionary<string, string>> Arns { get; }

    /// <summary>Physical table name by logical name.</summary>
    public Output<ImmutableDictionary<string, string>> Names { get; }

    /// <summary>The stream ARN of <paramref name="table"/>, which must declare a stream.</summary>
    public Output<string> StreamArn(TableSchema table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Stream is null
            ? throw new InvalidOperationException($"Table '{table.LogicalName}' declares no stream.")
            : _byLogicalName[table.LogicalName].StreamArn;
    }

    private Aws.DynamoDB.Table Create(string resourceName, TablePlan table)
    {
        var schema = table.Schema;
        var args = new Aws.DynamoDB.TableArgs
        {
            Name = table.Name,
            // On demand: no capacity to plan, no throttling from under-provisioning.
            BillingMode = TablePlan.BillingMode,
            HashKey = schema.PartitionKey.Name,
            Attributes = schema.KeyAttributes
                .Select(a => new Aws.DynamoDB.Inputs.TableAttributeArgs { Name = a.Name, Type = a.TypeCode })
                .ToList(),
            GlobalSecondaryIndexes = schema.Indexes
                .Select(index => new Aws.DynamoDB.Inputs.TableGlobalSecondaryIndexArgs
                {
                    Name = index.Name,
                    ProjectionType = TablePlan.ProjectionType(index),
                    KeySchemas =
                    {
                        new Aws.DynamoDB.Inputs.TableGlobalSecondaryIndexKeySchemaArgs { AttributeName = index.PartitionKey.Name, KeyType = "HASH" },
                        new Aws.DynamoDB.Inputs.TableGlobalSecondaryIndexKeySchemaArgs { AttributeName = index.SortKey.Name, KeyType = "RANGE" },
                    },
                })
                .ToList(),
            // Restore to any second of the last 35 days after a bad deployment or operator mistake.
            PointInTimeRecovery = new Aws.DynamoDB.Inputs.TablePointInTimeRecoveryArgs { Enabled = true },
            // Encrypt with the account's AWS managed DynamoDB key (visible in KMS and CloudTrail) rather than an AWS owned one.
            ServerSideEncryption = new Aws.DynamoDB.Inputs.TableServerSideEncryptionArgs { Enabled = true },
            StreamEnabled = schema.Stream is not null,
            DeletionProtectionEnabled = table.DeletionProtection,
        };
        if (schema.SortKey is not null)
        {
            args.RangeKey = schema.SortKey.Name;
        }

        if (table.StreamViewType is not null)
        {
            // The pipes route each write by its new status and the notifications need the emitted event: new and old images.
            args.StreamViewType = table.StreamViewType;
        }

        if (schema.TimeToLiveAttribute is not null)
        {
            // Expired items (idempotency records, tombstones of deleted orders) are removed by DynamoDB at no cost.
            args.Ttl = new Aws.DynamoDB.Inputs.TableTtlArgs { AttributeName = schema.TimeToLiveAttribute, Enabled = true };
        }

        // The table exactly as the schema declares it: keys, indexes, TTL and stream.
        return new Aws.DynamoDB.Table(resourceName, args, new CustomResourceOptions { Parent = this });
    }
}
