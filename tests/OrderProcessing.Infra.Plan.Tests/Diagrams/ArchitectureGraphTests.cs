using OrderProcessing.DevTools;
using OrderProcessing.Infra.Plan.Diagrams;
using OrderProcessing.Topology;
using OrderProcessing.Topology.Storage;

namespace OrderProcessing.Infra.Plan.Tests.Diagrams;

/// <summary>The architecture picture in README is what the topology draws, and shows every function, queue and table.</summary>
[TestFixture]
public sealed class ArchitectureGraphTests
{
    [Test]
    public void CommittedPicture_ComparedWithTheTopology_IsUpToDate()
    {
        var committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.dot"));

        Assert.That(committed, Is.EqualTo(ArchitectureGraph.Dot()), "docs/architecture.dot is stale: run scripts/architecture-graph.sh and commit docs/architecture.dot and .svg");
    }

    [Test]
    public void Picture_OfTheTopology_ShowsEveryFunctionQueueDeadLetterQueueAndTable()
    {
        var dot = ArchitectureGraph.Dot();

        using (Assert.EnterMultipleScope())
        {
            foreach (var function in SystemTopology.Functions)
            {
                Assert.That(dot, Does.Contain($"[label=\"{function.Name}\\n{function.MemoryMb} MB"), function.Name);
            }

            foreach (var function in SystemTopology.QueueFunctions)
            {
                Assert.That(dot, Does.Contain($"[label=\"{function.Name}\\nSQS queue\"").And.Contain($"[label=\"{function.Name} dead letters\\nSQS\""), function.Name);
            }

            foreach (var table in StorageSchema.Tables)
            {
                Assert.That(dot, Does.Contain($"[label=\"{table.LogicalName}\\nDynamoDB table"), table.LogicalName);
            }
        }
    }
}
