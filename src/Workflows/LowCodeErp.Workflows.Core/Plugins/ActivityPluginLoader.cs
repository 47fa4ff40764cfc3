using System.Reflection;
using LowCodeErp.Workflows.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Core.Plugins;

/// <summary>
/// Loads the plugins of one folder: each sub-folder <c>Name/</c> holding <c>Name.dll</c> is a plugin, loaded into its
/// own <see cref="ActivityPluginLoadContext"/> in ordinal order of the folder names. A plugin is all or nothing: its
/// registrations are staged and added to the host only when loading, registering and creating each of its activities
/// succeeded and none of its (type, version) pairs is taken. Otherwise it is recorded as failed and skipped.
/// </summary>
internal sealed class ActivityPluginLoader(IServiceCollection services, ActivityPluginCatalog catalog)
{
    private static readonly AssemblyName Sdk = typeof(Activity).Assembly.GetName();

    private readonly Dictionary<string, string> _taken = TakenActivityTypes(services);

    public void LoadFolder(string folder)
    {
        catalog.AddFolder(folder);
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var stray in Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(stray);
            catalog.Add(Failed(name, stray, null, $"plugin assemblies go into a folder of their own: {Path.Combine(folder, name, name + ".dll")}"));
        }

        foreach (var directory in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            catalog.Add(LoadPlugin(directory));
        }
    }

    private ActivityPluginInfo LoadPlugin(string directory)
    {
        var name = Path.GetFileName(directory);
        var mainPath = Path.Combine(directory, name + ".dll");
        if (!File.Exists(mainPath))
        {
            return Failed(name, directory, null, $"the folder holds no {name}.dll (a plugin folder is named like its main assembly)");
        }

        Assembly? assembly = null;
        try
        {
            assembly = new ActivityPluginLoadContext(mainPath).LoadFromAssemblyPath(mainPath);
            CheckSdkVersion(assembly);
            var staged = Register(assembly);
            var activityTypes = ClaimActivityTypes(staged, name);
            foreach (var descriptor in staged)
            {
                services.Add(descriptor);
            }

            return new ActivityPluginInfo(name, mainPath, VersionOf(assembly), ActivityPluginStatus.Loaded, null, activityTypes) { Assembly = assembly };
        }
        catch (Exception ex)
        {
            return Failed(name, mainPath, assembly, Describe(ex)) with { Assembly = assembly };
        }
    }

    private static void CheckSdkVersion(Assembly assembly)
    {
        var reference = assembly.GetReferencedAssemblies().FirstOrDefault(r => r.Name == Sdk.Name)
            ?? throw new PluginRejectedException($"it does not reference {Sdk.Name}");
        // Same major version, and no newer than the host's: the plugin may use nothing the host's SDK lacks.
        if (reference.Version is { } wanted && Sdk.Version is { } host && (wanted.Major != host.Major || wanted > host))
        {
            throw new PluginRejectedException($"it was built against {Sdk.Name} {wanted}; this host has {host}");
        }
    }

    /// <summary>Runs the plugin's registration against a scratch collection and creates every activity once.</summary>
    private static ServiceCollection Register(Assembly assembly)
    {
        var staged = new ServiceCollection();
        var entryPoints = assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IActivityPlugin).IsAssignableFrom(t))
            .ToList();
        switch (entryPoints.Count)
        {
            case 0:
                staged.AddActivitiesFrom(assembly);
                break;
            case 1:
                ((IActivityPlugin)Activator.CreateInstance(entryPoints[0])!).ConfigureServices(staged);
                break;
            default:
                throw new PluginRejectedException(
                    $"it has {entryPoints.Count} {nameof(IActivityPlugin)} classes ({string.Join(", ", entryPoints.Select(t => t.FullName))}); at most one is allowed");
        }

        var registrations = ActivityRegistrations(staged).ToList();
        if (registrations.Count == 0)
        {
            throw new PluginRejectedException("it registers no activities (public, concrete [Activity] classes with a parameterless constructor)");
        }

        // Type initializers and constructors run now, at start-up, rather than in the first workflow that uses them.
        foreach (var registration in registrations)
        {
            _ = registration.Descriptor.Factory?.Invoke();
        }

        return staged;
    }

    private List<string> ClaimActivityTypes(ServiceCollection staged, string pluginName)
    {
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var descriptor in ActivityRegistrations(staged).Select(r => r.Descriptor))
        {
            var key = $"{descriptor.TypeName}:{descriptor.Version}";
            if (_taken.TryGetValue(key, out var owner) || claimed.TryGetValue(key, out owner))
            {
                throw new PluginRejectedException(
                    $"activity type '{descriptor.TypeName}' version {descriptor.Version} is already registered by {owner}");
            }

            claimed[key] = $"plugin {pluginName} ({descriptor.CustomProperties.GetValueOrDefault("Type")})";
        }

        foreach (var (key, owner) in claimed)
        {
            _taken[key] = owner;
        }

        return [.. claimed.Keys];
    }

    private static Dictionary<string, string> TakenActivityTypes(IServiceCollection services)
    {
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var descriptor in ActivityRegistrations(services).Select(r => r.Descriptor))
        {
            taken[$"{descriptor.TypeName}:{descriptor.Version}"] = descriptor.CustomProperties.GetValueOrDefault("Type")?.ToString() ?? descriptor.TypeName;
        }

        return taken;
    }

    private static IEnumerable<ActivityRegistration> ActivityRegistrations(IServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(ActivityRegistration)).Select(d => d.ImplementationInstance).OfType<ActivityRegistration>();

    private static ActivityPluginInfo Failed(string name, string path, Assembly? assembly, string error) =>
        new(name, path, assembly is null ? null : VersionOf(assembly), ActivityPluginStatus.Failed, error, []);

    private static string? VersionOf(Assembly assembly)
    {
        try
        {
            return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString();
        }
        catch (Exception ex) when (ex is FileNotFoundException or FileLoadException or TypeLoadException)
        {
            return assembly.GetName().Version?.ToString();
        }
    }

    /// <summary>The innermost useful message: reflection and type initializers wrap the plugin's own exception.</summary>
    private static string Describe(Exception exception)
    {
        while (exception is TargetInvocationException or TypeInitializationException && exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception switch
        {
            ReflectionTypeLoadException load when load.LoaderExceptions.FirstOrDefault(e => e is not null) is { } first =>
                $"{first.GetType().Name}: {first.Message}",
            PluginRejectedException => exception.Message,
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
    }
}

/// <summary>A rule of the loader rejected the plugin; its message is the whole reason.</summary>
internal sealed class PluginRejectedException(string message) : Exception(message);
