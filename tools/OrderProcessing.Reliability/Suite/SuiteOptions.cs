namespace OrderProcessing.Reliability.Suite;

/// <summary>What one run of the reliability suite covers and where its report goes.</summary>
internal sealed record SuiteOptions
{
    /// <summary>Orders of the in-memory fault-injection run. Default 500.</summary>
    public int Orders { get; init; } = 500;

    /// <summary>Seed of every random choice.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Also run against DynamoDB and S3 adapters on local dynalite and s3rver servers.</summary>
    public bool Dynalite { get; init; }

    /// <summary>Orders of the dynalite fault-injection run; <see cref="Orders"/> when null.</summary>
    public int? DynaliteOrders { get; init; }

    /// <summary>Generated and mutated requests of the bad-input run. Default 10,000.</summary>
    public int BadInputCases { get; init; } = 10_000;

    /// <summary>The report to rewrite; none when null.</summary>
    public string? Output { get; init; }

    /// <summary>The command line that reproduces this run, for the report.</summary>
    public string Command { get; init; } = "";
}
