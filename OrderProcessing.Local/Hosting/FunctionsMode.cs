namespace OrderProcessing.Local.Hosting;

/// <summary>How the local host runs the functions.</summary>
public enum FunctionsMode
{
    /// <summary>Inside the host's own process, called through their entry points: nothing to build first.</summary>
    InProcess,

    /// <summary>As Lambda runs them: the published Native AOT <c>bootstrap</c>, one child process per function, over the Runtime API.</summary>
    Process,
}
