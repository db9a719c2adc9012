using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using OrderProcessing.Core.Orders;
using OrderProcessing.DevTools;
using OrderProcessing.Testing.Contracts;
using OrderProcessing.Transport.Events;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Transport.Tests.Contracts;

/// <summary>
/// The committed contracts under <c>contracts/</c> and the encoders agree exactly: every event type Core emits has a
/// schema, the schemas accept exactly the members the envelope encoder writes, and a renamed, missing or extra member
/// is rejected, so a change to either side that breaks consumers fails here.
/// </summary>
[TestFixture]
public sealed class OrderEventContractTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 31, 9, 15, 0, 123, TimeSpan.Zero);

    private static IEnumerable<string> Members => JsonNode.Parse(EncodedSample())!.AsObject().Select(p => p.Key);

    private static IEnumerable<(OrderStatus? From, OrderStatus To)> Transitions =>
        OrderTransitions.Allowed.Select(t => ((OrderStatus?)t.From, t.To)).Prepend((null, OrderStatus.Pending));

    [Test]
    public void EventTypeSchemas_OnePerFile_AreExactlyTheEventTypesCoreEmits()
    {
        var emitted = typeof(OrderEventTypes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);
        var envelopeEnum = EventContracts.Document(EventContracts.EnvelopeFile)["properties"]!["eventType"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

        Assert.That(EventContracts.EventTypes, Is.EquivalentTo(emitted));
        Assert.That(envelopeEnum, Is.EquivalentTo(emitted));
    }

    [Test]
    public void EnvelopeSchema_Members_AreExactlyTheMembersTheEncoderWrites()
    {
        var schema = EventContracts.Document(EventContracts.EnvelopeFile);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(schema["properties"]!.AsObject().Select(p => p.Key), Is.EqualTo(Members), "schema properties, in the encoder's order");
            Assert.That(schema["required"]!.AsArray().Select(v => v!.GetValue<string>()), Is.EquivalentTo(Members), "every member is always sent");
            Assert.That(schema["additionalProperties"]!.GetValue<bool>(), Is.False, "no member the contract does not name");
        }
    }

    [TestCaseSource(nameof(Transitions))]
    public void EncodedEnvelope_OfEveryTransition_ConformsToItsTypeSchemaAndNoOther((OrderStatus? From, OrderStatus To) transition)
    {
        var type = transition.From is { } from ? OrderTransitions.EventFor(from, transition.To) : OrderEventTypes.Created;
        var json = Encode(new OrderEvent(type, "ord_01J0000000000000000000TEST", transition.To, transition.From, 3, At, "test"));

        Assert.That(EventContracts.OrderEventViolations(json), Is.Empty, json);
        Assert.That(EventContracts.EventTypes.Where(t => EventContracts.Violations(EventContracts.EventTypeFile(t), json).Count == 0), Is.EqualTo(new[] { type }), json);
    }

    [TestCaseSource(nameof(Members))]
    public void Envelope_WithAMemberRenamed_IsRejected(string member)
    {
        var envelope = JsonNode.Parse(EncodedSample())!.AsObject();
        var value = envelope[member]!.GetValue<string>();
        envelope.Remove(member);
        envelope[member + "Renamed"] = value;

        Assert.That(EventContracts.OrderEventViolations(envelope.ToJsonString()), Is.Not.Empty);
    }

    [TestCaseSource(nameof(Members))]
    public void Envelope_WithAMemberMissing_IsRejected(string member)
    {
        var envelope = JsonNode.Parse(EncodedSample())!.AsObject();
        envelope.Remove(member);

        Assert.That(EventContracts.OrderEventViolations(envelope.ToJsonString()), Is.Not.Empty);
    }

    [TestCaseSource(nameof(Members))]
    public void Envelope_WithAMemberNotAString_IsRejected(string member)
    {
        var envelope = JsonNode.Parse(EncodedSample())!.AsObject();
        envelope[member] = 7;

        Assert.That(EventContracts.OrderEventViolations(envelope.ToJsonString()), Is.Not.Empty);
    }

    [Test]
    public void Envelope_WithAStatusItsTypeNeverCarries_IsRejected()
    {
        var json = Encode(new OrderEvent(OrderEventTypes.Shipped, "o-1", OrderStatus.Paid, OrderStatus.Reserved, 3, At, "test"));

        Assert.That(EventContracts.Violations(EventContracts.EventTypeFile(OrderEventTypes.Shipped), json), Is.Not.Empty);
        Assert.That(EventContracts.Violations(EventContracts.AnyOrderEventFile, json), Is.Not.Empty);
    }

    [Test]
    public void StageQueueBatch_AsTheTransportBuildsIt_ConformsToTheStageQueueSchema()
    {
        var body = EncodedSample();
        var batch = SqsEventFactory.Create(
            [new ReceivedMessage("m-1", "AQEB1", body, 1, At, At), new ReceivedMessage("m-2", "AQEB2", body, 3, At, At.AddSeconds(1))],
            "orderprocessing-local-ship-order",
            new());

        Assert.That(EventContracts.StageQueueEventViolations(Serialize(batch)), Is.Empty);
    }

    [Test]
    public void StageQueueBatch_WithABodyThatIsNoOrderEvent_IsRejected()
    {
        var batch = SqsEventFactory.ForBody("{\"orderId\":\"o-1\"}", "orderprocessing-local-ship-order", At);

        Assert.That(EventContracts.StageQueueEventViolations(Serialize(batch)), Is.Not.Empty);
    }

    [Test]
    public void ContractFiles_EachSchema_IsDraft202012WithAVersionedIdOfItsPath()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var file in EventContracts.Files)
            {
                var schema = EventContracts.Document(file);
                Assert.That(schema["$schema"]!.GetValue<string>(), Is.EqualTo("https://json-schema.org/draft/2020-12/schema"), file);
                Assert.That(schema["$id"]!.GetValue<string>(), Does.EndWith("/" + file).And.Match("/v[0-9]+/"), file);
            }
        }
    }

    [Test]
    public void ContractFiles_EachSchema_IsCommittedNotGenerated()
    {
        // The tests read the schemas from these files; they must be the repository's, so a contract changes only by a commit.
        using var git = Process.Start(new ProcessStartInfo("git", "ls-files -- contracts") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true })!;
        var tracked = git.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        git.WaitForExit();

        Assert.That(EventContracts.Files, Is.Not.Empty.And.SubsetOf(tracked));
    }

    private static string EncodedSample() =>
        Encode(new OrderEvent(OrderEventTypes.Updated, "ord_01J0000000000000000000TEST", OrderStatus.Reserved, OrderStatus.Pending, 2, At, "reserved"));

    private static string Encode(OrderEvent orderEvent) => OrderEventEnvelopes.ToJson(OrderEventEnvelopes.Of(orderEvent, 42));

    private static string Serialize(Topology.Events.Sqs.SqsEvent batch) =>
        System.Text.Json.JsonSerializer.Serialize(batch, Topology.Events.AwsEventJsonContext.Default.SqsEvent);
}
