using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Api.Models;

namespace LowCodeErp.Workflows.Api.Descriptors;

/// <summary>Fixed descriptor lists, with Elsa's type names so definitions written by Studio or Elsa keep their meaning.</summary>
public static class StaticDescriptors
{
    private static readonly Dictionary<string, string> NoProperties = [];

    /// <summary>Literal, Object, JavaScript, Liquid, Variable, Input (C# and Python are rejected by the engine).</summary>
    public static readonly IReadOnlyList<ExpressionDescriptorModel> Expressions =
    [
        new(ExpressionTypes.Literal, "Literal", true, false, NoProperties),
        new(ExpressionTypes.Object, "Object", true, true, new Dictionary<string, string> { ["MonacoLanguage"] = "json" }),
        new(ExpressionTypes.JavaScript, "JavaScript", true, true, new Dictionary<string, string> { ["MonacoLanguage"] = "javascript" }),
        new(ExpressionTypes.Liquid, "Liquid", true, true, new Dictionary<string, string> { ["MonacoLanguage"] = "liquid" }),
        new(ExpressionTypes.Variable, "Variable", true, true, NoProperties),
        new(ExpressionTypes.Input, "Input", true, false, NoProperties),
    ];

    /// <summary>Every type alias the engine resolves.</summary>
    public static readonly IReadOnlyList<VariableTypeModel> VariableTypes =
    [
        .. TypeAliases.All.Select(a => new VariableTypeModel(a.Key, a.Key, Category(a.Value), null)),
    ];

    /// <summary>Persisted with the instance (default) or memory only.</summary>
    public static readonly IReadOnlyList<StorageDriverModel> StorageDrivers =
    [
        new("Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core", "Workflow Instance", 5, false),
        new("Elsa.Workflows.MemoryStorageDriver, Elsa.Workflows.Core", "Memory", 0, false),
    ];

    /// <summary>Activation strategies.</summary>
    public static readonly IReadOnlyList<TypedStrategyModel> ActivationStrategies =
    [
        new("Elsa.Workflows.Runtime.ActivationStrategies.AllowAlwaysStrategy, Elsa.Workflows.Runtime", "Always", "Always allow the creation of a new workflow instance."),
    ];

    /// <summary>Incident strategies.</summary>
    public static readonly IReadOnlyList<TypedStrategyModel> IncidentStrategies =
    [
        new("Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core", "Fault", "The workflow faults when an activity faults."),
        new("Elsa.Workflows.IncidentStrategies.ContinueWithIncidentsStrategy, Elsa.Workflows.Core", "Continue with incidents", "The faulted branch stops; other branches keep running."),
    ];

    /// <summary>Log persistence strategies.</summary>
    public static readonly IReadOnlyList<TypedStrategyModel> LogPersistenceStrategies =
    [
        new("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include", "Activity inputs and outputs are kept in the journal."),
    ];

    /// <summary>Workflow commit strategies: the runtime commits when a burst ends.</summary>
    public static readonly IReadOnlyList<NamedStrategyModel> WorkflowCommitStrategies =
    [
        new("Default", "Default", "Commit the instance when a burst of execution ends (suspended, finished or faulted)."),
    ];

    /// <summary>Activity commit strategies: none of its own; the workflow's applies.</summary>
    public static readonly IReadOnlyList<NamedStrategyModel> ActivityCommitStrategies =
    [
        new("Default", "Default", "Use the workflow's commit strategy."),
    ];

    private static string Category(Type type) =>
        type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid) || type == typeof(DateTime)
            || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) ? "Primitives"
        : type.Namespace?.StartsWith("System.Text.Json", StringComparison.Ordinal) == true ? "Dynamic"
        : type == typeof(object) || type == typeof(System.Dynamic.ExpandoObject) ? "Dynamic"
        : "Dictionaries";
}
