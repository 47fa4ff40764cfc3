using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LowCodeErp.Workflows.Api.Tests.Plugins;

/// <summary>Compiles small plugin assemblies at test time, so each faulty plugin is a few lines of source here.</summary>
internal static class PluginCompiler
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(() => TrustedAssemblies(sdk: false));
    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkAndSdk = new(() => TrustedAssemblies(sdk: true));

    /// <summary>Compiles <paramref name="source"/> against the framework and the host's SDK into <c>{pluginsFolder}/{name}/{name}.dll</c>.</summary>
    public static void CompilePlugin(string pluginsFolder, string name, string source) =>
        Emit(name, source, FrameworkAndSdk.Value, Path.Combine(Directory.CreateDirectory(Path.Combine(pluginsFolder, name)).FullName, name + ".dll"));

    /// <summary>Compiles a plugin against a stand-in SDK assembly of <paramref name="sdkVersion"/> (newer than the host's).</summary>
    public static void CompilePluginAgainstSdk(string pluginsFolder, string name, string sdkVersion, string source)
    {
        var sdkPath = Path.Combine(Path.GetTempPath(), $"erp-fake-sdk-{Guid.NewGuid():N}.dll");
        Emit("LowCodeErp.Workflows.Abstractions",
            $"[assembly: System.Reflection.AssemblyVersion(\"{sdkVersion}\")] namespace LowCodeErp.Workflows.Abstractions {{ public abstract class FutureActivity {{ }} }}",
            Framework.Value, sdkPath);
        try
        {
            Emit(name, source, [.. Framework.Value, MetadataReference.CreateFromFile(sdkPath)],
                Path.Combine(Directory.CreateDirectory(Path.Combine(pluginsFolder, name)).FullName, name + ".dll"));
        }
        finally
        {
            File.Delete(sdkPath);
        }
    }

    private static void Emit(string name, string source, IEnumerable<MetadataReference> references, string path)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using (var output = File.Create(path))
        {
            var result = compilation.Emit(output);
            if (result.Success)
            {
                return;
            }

            var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
            throw new InvalidOperationException($"{name} does not compile:\n{string.Join('\n', errors)}");
        }
    }

    private static MetadataReference[] TrustedAssemblies(bool sdk)
    {
        string[] sdkFiles = ["LowCodeErp.Workflows.Abstractions.dll", "Microsoft.Extensions.DependencyInjection.Abstractions.dll"];
        return [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var file &&
                (file.StartsWith("System.", StringComparison.Ordinal) || file is "netstandard.dll" || (sdk && sdkFiles.Contains(file))))
            .Select(path => MetadataReference.CreateFromFile(path))];
    }
}
