namespace OrderProcessing.Functions.Composition;

/// <summary>A function started without a setting it requires; the message names every missing one.</summary>
public sealed class MissingSettingException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="names"/> of <paramref name="function"/>.</summary>
    public MissingSettingException(string function, IReadOnlyList<string> names)
        : base($"{string.Join(", ", names)} {(names.Count == 1 ? "is" : "are")} not set (function '{function}'). Set {(names.Count == 1 ? "it" : "them")} in the function's environment.")
    {
        Names = names;
    }

    /// <summary>The missing settings.</summary>
    public IReadOnlyList<string> Names { get; }
}
