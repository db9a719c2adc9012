using System.Text.Json.Serialization;
using OrderProcessing.Benchmarks.ColdStart;
using OrderProcessing.Benchmarks.Cost;
using OrderProcessing.Benchmarks.EndToEnd;
using OrderProcessing.Benchmarks.Report;
using OrderProcessing.Benchmarks.Warm;
using OrderProcessing.Benchmarks.WarmLoop;

namespace OrderProcessing.Benchmarks.Common;

/// <summary>Source-generated JSON of the result files the runner writes and the report reads.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(List<WarmResult>))]
[JsonSerializable(typeof(List<ColdStartResult>))]
[JsonSerializable(typeof(List<EndToEndResult>))]
[JsonSerializable(typeof(CostSample))]
[JsonSerializable(typeof(SizeResult))]
[JsonSerializable(typeof(RunInfo))]
[JsonSerializable(typeof(List<LoadSample>))]
[JsonSerializable(typeof(List<WarmLoopResult>))]
[JsonSerializable(typeof(List<FixedRateResult>))]
public sealed partial class ResultsJsonContext : JsonSerializerContext;
