using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Feed;
using OrderProcessing.Reliability.Stores;

namespace OrderProcessing.Reliability.Concurrency;

/// <summary>A system built for one check: its raw stores, the change feed over its orders, its API and its stages.</summary>
internal sealed record ComposedSystem(StorePorts Stores, ChangeFeedOrderRepository Feed, IOrderApi Api, IStageInvoker Stages);
