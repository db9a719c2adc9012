using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3.Model;
using OrderProcessing.Integration.Tests.Servers;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Integration.Tests.Support;

/// <summary>
/// Checks what the adapters sent: no Scan ever; every Query names an index the schema declares for that table; and
/// every action is one the topology grants some function on that resource, so the deployed roles allow what the code does.
/// </summary>
public static class AccessPatterns
{
    /// <summary>Asserts the rules over every request recorded in <paramref name="sandbox"/>, then clears the record.</summary>
    public static void AssertDeclared(StorageSandbox sandbox)
    {
        var tables = StorageSchema.Tables.ToDictionary(t => sandbox.Names.Table(t), t => t, StringComparer.Ordinal);
        var requests = sandbox.Requests.Requests;
        sandbox.Requests.Clear();
        using (Assert.EnterMultipleScope())
        {
            foreach (var request in requests)
            {
                Check(request, tables, sandbox.Names.Bucket(StorageSchema.Invoices));
            }
        }
    }

    private static void Check(AmazonWebServiceRequest request, Dictionary<string, TableSchema> tables, string bucket)
    {
        switch (request)
        {
            case ScanRequest scan:
                Assert.Fail($"A Scan was issued on '{scan.TableName}': every request path must use GetItem or Query.");
                break;
            case QueryRequest query:
                var table = TableOf(query.TableName, tables);
                Assert.That(query.IndexName, Is.Not.Null, $"a Query on '{query.TableName}' names no index");
                Assert.That(table.Indexes.Select(i => i.Name), Does.Contain(query.IndexName), $"a Query on '{query.TableName}' names index '{query.IndexName}', which the schema does not declare");
                AssertGranted("dynamodb:Query", ResourceRef.TableIndexes(table.LogicalName));
                break;
            case BatchGetItemRequest batch:
                foreach (var name in batch.RequestItems.Keys)
                {
                    AssertGranted("dynamodb:BatchGetItem", ResourceRef.Table(TableOf(name, tables).LogicalName));
                }

                break;
            case GetItemRequest r:
                AssertGranted("dynamodb:GetItem", ResourceRef.Table(TableOf(r.TableName, tables).LogicalName));
                break;
            case PutItemRequest r:
                AssertGranted("dynamodb:PutItem", ResourceRef.Table(TableOf(r.TableName, tables).LogicalName));
                break;
            case UpdateItemRequest r:
                AssertGranted("dynamodb:UpdateItem", ResourceRef.Table(TableOf(r.TableName, tables).LogicalName));
                break;
            case DeleteItemRequest r:
                AssertGranted("dynamodb:DeleteItem", ResourceRef.Table(TableOf(r.TableName, tables).LogicalName));
                break;
            case PutObjectRequest r:
                Assert.That(r.BucketName, Is.EqualTo(bucket));
                AssertGranted("s3:PutObject", ResourceRef.BucketObjects(StorageSchema.Invoices.LogicalName));
                break;
            case GetObjectRequest r:
                Assert.That(r.BucketName, Is.EqualTo(bucket));
                AssertGranted("s3:GetObject", ResourceRef.BucketObjects(StorageSchema.Invoices.LogicalName));
                break;
            default:
                Assert.Fail($"The adapters sent {request.GetType().Name}, which no access pattern needs.");
                break;
        }
    }

    private static TableSchema TableOf(string name, Dictionary<string, TableSchema> tables) =>
        tables.TryGetValue(name, out var t) ? t : throw new AssertionException($"Request to table '{name}', which is not a table of this sandbox.");

    private static void AssertGranted(string action, ResourceRef resource) =>
        Assert.That(
            SystemTopology.Functions.Any(f => f.Permissions.Any(p => p.Resource == resource && p.Actions.Contains(action))),
            Is.True,
            $"the adapters use {action} on {resource.Kind} '{resource.LogicalName}', but no function of the topology is granted it");
}
