namespace OrderProcessing.Operations.Cli;

/// <summary>The tool's exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>The command could not do what was asked (unknown stage or order, refused, denied, unreachable); nothing half-done is hidden.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself was wrong (System.CommandLine's parse errors).</summary>
    public const int Usage = 2;
}
