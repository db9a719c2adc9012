using System.Reflection;
using System.Runtime.Loader;

namespace OrderProcessing.ColdStartProbe;

/// <summary>
/// The load context of one function: assemblies resolve through the publish folder's <c>deps.json</c> (the AWS SDK, Core),
/// the shared framework through the default context. Not collectible, so ReadyToRun code is used as in Lambda.
/// </summary>
internal sealed class FunctionLoadContext(string mainAssemblyPath) : AssemblyLoadContext("function", isCollectible: false)
{
    private readonly AssemblyDependencyResolver _resolver = new(mainAssemblyPath);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
