using System.Reflection;
using System.Runtime.Loader;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Plugins;

/// <summary>
/// The load context of one folder plugin. The activity SDK and the assemblies its API exposes come from the host, so
/// <see cref="Activity"/>, <c>Input&lt;T&gt;</c> and <c>IServiceCollection</c> are the host's types; every other
/// dependency listed in the plugin's <c>.deps.json</c> (or lying next to it) is the plugin's own copy, so two plugins
/// may use different versions of a library. Whatever neither resolves (the shared framework) falls back to the host.
/// </summary>
/// <remarks>
/// Not collectible: the registry, loaded definitions and reflection caches hold the plugin's types for the life of
/// the process, so unloading could never actually happen; replacing a plugin means restarting the server.
/// </remarks>
public sealed class ActivityPluginLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> SharedAssemblies = SdkAssemblyNames();

    private readonly AssemblyDependencyResolver _resolver;

    /// <summary>Creates the context of the plugin whose main assembly is <paramref name="mainAssemblyPath"/>.</summary>
    public ActivityPluginLoadContext(string mainAssemblyPath)
        : base("plugin:" + Path.GetFileNameWithoutExtension(mainAssemblyPath), isCollectible: false) =>
        _resolver = new AssemblyDependencyResolver(mainAssemblyPath);

    /// <summary>Whether <paramref name="assemblyName"/> always comes from the host (the SDK and what its API exposes).</summary>
    public static bool IsShared(AssemblyName assemblyName)
    {
        ArgumentNullException.ThrowIfNull(assemblyName);
        return assemblyName.Name is { } name && SharedAssemblies.Contains(name);
    }

    /// <inheritdoc />
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (IsShared(assemblyName))
        {
            return null;
        }

        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    /// <inheritdoc />
    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }

    private static HashSet<string> SdkAssemblyNames()
    {
        var sdk = typeof(Activity).Assembly;
        // The SDK's public API uses its references (IServiceCollection in AddActivitiesFrom and IActivityPlugin).
        return new HashSet<string>([sdk.GetName().Name!, .. sdk.GetReferencedAssemblies().Select(r => r.Name!)], StringComparer.OrdinalIgnoreCase);
    }
}
