using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Stores;
using OrderProcessing.Topology;
using OrderProcessing.Transport.ChangeFeed;
using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Reliability.Concurrency;

/// <summary>A system built for one check: its raw stores, the change feed over its orders, its API, its stages and what they report failed.</summary>
internal sealed record ComposedSystem(StorePorts Stores, OrderChangeFeed Feed, IOrderApi Api, Func<FunctionDefinition, IFunctionHandler> Stages, StageFailureLog Failures);
