using System.Text.Json;
using System.Text.Json.Serialization;
using OrderProcessing.Core.Notifications;
using OrderProcessing.Transport.Queues;

namespace OrderProcessing.Local.Diagnostics;

/// <summary>Source-generated JSON (camelCase) for what the local host itself writes: notification lines and diagnostics.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false)]
[JsonSerializable(typeof(CustomerNotification))]
[JsonSerializable(typeof(DeadLetterList))]
[JsonSerializable(typeof(QueueList))]
[JsonSerializable(typeof(InjectedMessage))]
[JsonSerializable(typeof(QueueCounts))]
[JsonSerializable(typeof(OrderProcessing.Functions.Sweeping.StuckOrderList))]
[JsonSerializable(typeof(OrderProcessing.Functions.Sweeping.StuckOrderView))]
internal sealed partial class LocalJsonContext : JsonSerializerContext;
