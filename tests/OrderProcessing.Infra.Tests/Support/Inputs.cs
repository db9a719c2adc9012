using System.Collections.Immutable;
using System.Reflection;
using Pulumi.Testing;

namespace OrderProcessing.Infra.Tests.Support;

/// <summary>
/// Reads resource inputs as the engine received them. Every accessor fails the test when the value is missing or of an
/// unexpected type, so a check can never pass because a cast quietly produced null.
/// </summary>
public static class Inputs
{
    /// <summary>A string input.</summary>
    public static string String(this MockResourceArgs resource, string key) => Get<string>(resource, key);

    /// <summary>A boolean input.</summary>
    public static bool Bool(this MockResourceArgs resource, string key) => Get<bool>(resource, key);

    /// <summary>A number input (the engine carries every number as a double).</summary>
    public static double Number(this MockResourceArgs resource, string key) => Get<double>(resource, key);

    /// <summary>A list input.</summary>
    public static ImmutableArray<object> List(this MockResourceArgs resource, string key) => Get<ImmutableArray<object>>(resource, key);

    /// <summary>An object input.</summary>
    public static ImmutableDictionary<string, object> Object(this MockResourceArgs resource, string key) => Get<ImmutableDictionary<string, object>>(resource, key);

    /// <summary>A list input of strings.</summary>
    public static IReadOnlyList<string> Strings(this MockResourceArgs resource, string key) => resource.List(key).Select(item => As<string>(item, $"{Describe(resource)}.{key}[]")).ToList();

    /// <summary>
    /// The path of a file archive input (<c>new FileArchive(path)</c>). The SDK keeps an archive's path internal (the
    /// engine receives it as the archive's <c>path</c> field), so it is read by reflection; a renamed member fails the test.
    /// </summary>
    public static string ArchivePath(this MockResourceArgs resource, string key)
    {
        var archive = Get<Pulumi.FileArchive>(resource, key);
        var path = typeof(Pulumi.AssetOrArchive).GetProperty("Value", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(archive);
        return As<string>(path, $"{Describe(resource)}.{key} path");
    }

    /// <summary>Whether the input is present.</summary>
    public static bool Has(this MockResourceArgs resource, string key) => resource.Inputs.ContainsKey(key);

    /// <summary>A property of an object value.</summary>
    public static T Property<T>(this ImmutableDictionary<string, object> value, string key)
    {
        Assert.That(value, Does.ContainKey(key), $"object has no '{key}'");
        return As<T>(value[key], key);
    }

    /// <summary>A value of the expected type, or a failed test.</summary>
    public static T As<T>(object? value, string what)
    {
        Assert.That(value, Is.InstanceOf<T>(), $"{what} has an unexpected type");
        return (T)value!;
    }

    /// <summary>The resource's type and name, for messages.</summary>
    public static string Describe(MockResourceArgs resource) => $"{resource.Type} '{resource.Name}'";

    private static T Get<T>(MockResourceArgs resource, string key)
    {
        Assert.That(resource.Inputs, Does.ContainKey(key), $"{Describe(resource)} has no input '{key}'");
        return As<T>(resource.Inputs[key], $"{Describe(resource)}.{key}");
    }
}
