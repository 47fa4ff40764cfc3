namespace LowCodeErp.Workflows.Api.Tests.Plugins;

/// <summary>Sources of plugins that must be reported and skipped, by folder name.</summary>
internal static class FaultyPlugins
{
    private const string Usings = "using System; using System.Threading.Tasks; using LowCodeErp.Workflows.Abstractions; using Microsoft.Extensions.DependencyInjection;\n";

    public const string TypeInitializer = "Faulty.TypeInitializer";
    public const string Registration = "Faulty.Registration";
    public const string DuplicateOfSample = "Faulty.DuplicateOfSample";
    public const string DuplicateFirst = "Acme.Dup.First";
    public const string DuplicateSecond = "Acme.Dup.Second";
    public const string NewerSdk = "Faulty.NewerSdk";
    public const string BadImage = "Faulty.BadImage";
    public const string NoAssembly = "Faulty.NoAssembly";
    public const string LooseFile = "Loose";

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        // A static constructor runs when the loader creates the activity once at start-up.
        [TypeInitializer] = Usings + """
            namespace Faulty.TypeInitializer;
            [Activity("Faulty.TypeInitializer", "Boom")]
            public sealed class Boom : CodeActivity
            {
                static Boom() => throw new InvalidOperationException("static boom");
                public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
            }
            """,
        // Registers one activity, then throws: nothing of it may be registered.
        [Registration] = Usings + """
            namespace Faulty.Registration;
            [Activity("Faulty.Registration", "Half")]
            public sealed class Half : CodeActivity
            {
                public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
            }
            public sealed class Plugin : IActivityPlugin
            {
                public void ConfigureServices(IServiceCollection services)
                {
                    services.AddActivity<Half>();
                    throw new InvalidOperationException("registration boom");
                }
            }
            """,
        // Takes the type name of an activity the server registers in code (the sample plugin).
        [DuplicateOfSample] = Usings + """
            namespace Faulty.DuplicateOfSample;
            [Activity("Erp.Sample", "AddBusinessDays")]
            public sealed class Impostor : CodeActivity
            {
                public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
            }
            """,
        // Two folder plugins with the same type: the first in ordinal folder order wins.
        [DuplicateFirst] = Usings + """
            namespace Acme.Dup.First;
            [Activity("Acme.Dup", "Same")]
            public sealed class Same : CodeActivity
            {
                public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
            }
            """,
        [DuplicateSecond] = Usings + """
            namespace Acme.Dup.Second;
            [Activity("Acme.Dup", "Same")]
            public sealed class Same : CodeActivity
            {
                public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
            }
            [Activity("Acme.Dup", "Other")]
            public sealed class Other : CodeActivity
            {
                public override ValueTask ExecuteAsync(IActivityExecutionContext context) => ValueTask.CompletedTask;
            }
            """,
    };

    /// <summary>Built against SDK 99.0: the host's 1.x SDK cannot serve it.</summary>
    public const string NewerSdkSource = """
        namespace Faulty.NewerSdk;
        public sealed class FromTheFuture : LowCodeErp.Workflows.Abstractions.FutureActivity { }
        """;
}
