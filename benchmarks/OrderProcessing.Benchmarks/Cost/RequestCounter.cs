using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace OrderProcessing.Benchmarks.Cost;

/// <summary>
/// Counts every AWS SDK call of every client created after <see cref="Install"/>, by the function that made it
/// (<see cref="CurrentFunction"/>), service and operation, and for DynamoDB asks for and adds up the consumed capacity
/// the server reports. Installed as a pipeline customizer, so the adapters and the ports factory stay untouched.
/// </summary>
public sealed class RequestCounter : IRuntimePipelineCustomizer
{
    private static readonly AsyncLocal<string?> Current = new();

    private readonly ConcurrentDictionary<(string Function, string Operation), Tally> _tallies = new();

    /// <summary>The function making calls in this async flow; calls made without one are not counted.</summary>
    public static string? CurrentFunction
    {
        get => Current.Value;
        set => Current.Value = value;
    }

    /// <inheritdoc />
    public string UniqueName => "OrderProcessing.Benchmarks.RequestCounter";

    /// <summary>Observed table writes, for the index write estimate (see <see cref="IndexWrites"/>).</summary>
    public IndexWrites IndexWrites { get; } = new();

    /// <summary>What was counted, by function and operation (<c>DynamoDB:PutItem</c>, <c>S3:PutObject</c>).</summary>
    public IReadOnlyDictionary<(string Function, string Operation), Tally> Tallies => _tallies;

    /// <summary>Registers a counter for every client created from now on.</summary>
    public static RequestCounter Install()
    {
        var counter = new RequestCounter();
        RuntimePipelineCustomizerRegistry.Instance.Register(counter);
        return counter;
    }

    /// <summary>Forgets the counts (after warm-up or provisioning).</summary>
    public void Reset()
    {
        _tallies.Clear();
        IndexWrites.Reset();
    }

    /// <inheritdoc />
    public void Customize(Type type, RuntimePipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        pipeline.AddHandler(new CountingHandler(this));
    }

    private void Record(IExecutionContext context)
    {
        if (CurrentFunction is not { } function)
        {
            return;
        }

        var request = context.RequestContext.OriginalRequest;
        var service = request is AmazonDynamoDBRequest ? "DynamoDB" : "S3";
        var operation = request.GetType().Name.Replace("Request", "", StringComparison.Ordinal);
        var tally = _tallies.GetOrAdd((function, $"{service}:{operation}"), _ => new Tally());
        Interlocked.Increment(ref tally.Calls);
        var (read, write) = Capacity(context.ResponseContext.Response);
        tally.AddCapacity(read, write, write > 0 ? IndexWrites.Observe(request, write) : 0);
    }

    private static (double Read, double Write) Capacity(AmazonWebServiceResponse? response)
    {
        IEnumerable<ConsumedCapacity?> consumed = response switch
        {
            GetItemResponse r => [r.ConsumedCapacity],
            QueryResponse r => [r.ConsumedCapacity],
            BatchGetItemResponse r => r.ConsumedCapacity ?? [],
            PutItemResponse r => [r.ConsumedCapacity],
            UpdateItemResponse r => [r.ConsumedCapacity],
            DeleteItemResponse r => [r.ConsumedCapacity],
            _ => [],
        };
        var units = consumed.Sum(c => c?.CapacityUnits ?? 0);
        return response is PutItemResponse or UpdateItemResponse or DeleteItemResponse ? (0, units) : (units, 0);
    }

    private static void AskForCapacity(AmazonWebServiceRequest request)
    {
        switch (request)
        {
            case GetItemRequest r:
                r.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
            case QueryRequest r:
                r.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
            case BatchGetItemRequest r:
                r.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
            case PutItemRequest r:
                r.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
            case UpdateItemRequest r:
                r.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
            case DeleteItemRequest r:
                r.ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL;
                break;
        }
    }

    /// <summary>Calls and consumed capacity of one operation of one function.</summary>
    public sealed class Tally
    {
        private readonly Lock _gate = new();
#pragma warning disable CA1051 // Incremented with Interlocked.
        public long Calls;
#pragma warning restore CA1051

        /// <summary>Read capacity units consumed.</summary>
        public double ReadUnits { get; private set; }

        /// <summary>Write capacity units consumed (table only).</summary>
        public double WriteUnits { get; private set; }

        /// <summary>Write units the table's global secondary indexes would consume (estimated, see <see cref="IndexWrites"/>).</summary>
        public double IndexWriteUnits { get; private set; }

        internal void AddCapacity(double read, double write, double indexWrite)
        {
            lock (_gate)
            {
                ReadUnits += read;
                WriteUnits += write;
                IndexWriteUnits += indexWrite;
            }
        }
    }

    private sealed class CountingHandler(RequestCounter counter) : PipelineHandler
    {
        public override void InvokeSync(IExecutionContext executionContext)
        {
            AskForCapacity(executionContext.RequestContext.OriginalRequest);
            base.InvokeSync(executionContext);
            counter.Record(executionContext);
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            AskForCapacity(executionContext.RequestContext.OriginalRequest);
            var result = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            counter.Record(executionContext);
            return result;
        }
    }
}
