using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Model;

/// <summary>
/// One version of a workflow definition in the Elsa 3 format: metadata plus the root activity (usually a Flowchart).
/// Unknown top-level fields are kept in <see cref="Extra"/> so a load/save round trip loses nothing.
/// </summary>
public sealed class WorkflowDefinition
{
    /// <summary>Id of this version.</summary>
    public string Id { get; set; } = "";
    /// <summary>Logical id shared by all versions.</summary>
    public string DefinitionId { get; set; } = "";
    /// <summary>Tenant, if any.</summary>
    public string? TenantId { get; set; }
    /// <summary>Name (also the activity type name when usable as an activity, PascalCased).</summary>
    public string? Name { get; set; }
    /// <summary>Description.</summary>
    public string? Description { get; set; }
    /// <summary>Creation time.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>1-based version number.</summary>
    public int Version { get; set; } = 1;
    /// <summary>Version of the tool that saved the file.</summary>
    public string? ToolVersion { get; set; }
    /// <summary>Workflow variables.</summary>
    public List<VariableDefinition> Variables { get; set; } = [];
    /// <summary>Workflow inputs.</summary>
    public List<ArgumentDefinition> Inputs { get; set; } = [];
    /// <summary>Workflow outputs.</summary>
    public List<ArgumentDefinition> Outputs { get; set; } = [];
    /// <summary>Outcomes exposed when used as an activity.</summary>
    public List<string> Outcomes { get; set; } = [];
    /// <summary>Free-form settings.</summary>
    public JsonObject CustomProperties { get; set; } = [];
    /// <summary>Read-only flag.</summary>
    public bool IsReadonly { get; set; }
    /// <summary>System flag.</summary>
    public bool IsSystem { get; set; }
    /// <summary>Latest version flag.</summary>
    public bool IsLatest { get; set; } = true;
    /// <summary>Published flag.</summary>
    public bool IsPublished { get; set; }
    /// <summary>Options.</summary>
    public WorkflowOptions Options { get; set; } = new();
    /// <summary>Obsolete duplicate of <see cref="WorkflowOptions.UsableAsActivity"/> (older files).</summary>
    public bool? UsableAsActivity { get; set; }
    /// <summary>The root activity.</summary>
    public Activity Root { get; set; } = null!;
    /// <summary>Unknown top-level fields (e.g. <c>$schema</c>).</summary>
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>Whether the definition may be used as an activity in other definitions.</summary>
    public bool IsUsableAsActivity => Options.UsableAsActivity ?? UsableAsActivity ?? false;
}

/// <summary>Definition-level options.</summary>
public sealed class WorkflowOptions
{
    /// <summary>Activation strategy type name.</summary>
    public string? ActivationStrategyType { get; set; }
    /// <summary>Usable as an activity.</summary>
    public bool? UsableAsActivity { get; set; }
    /// <summary>Update consumers on publish.</summary>
    public bool? AutoUpdateConsumingWorkflows { get; set; }
    /// <summary>Toolbox category when used as an activity.</summary>
    public string? ActivityCategory { get; set; }
    /// <summary>Incident strategy type name (Fault or ContinueWithIncidents).</summary>
    public string? IncidentStrategyType { get; set; }
    /// <summary>Commit strategy name.</summary>
    public string? CommitStrategyName { get; set; }
    /// <summary>Unknown option fields.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A workflow input or output: <c>{type, name, displayName, description, category, uiHint, isArray}</c>.</summary>
public sealed class ArgumentDefinition
{
    /// <summary>Element type alias.</summary>
    public string Type { get; set; } = "Object";
    /// <summary>Name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Label.</summary>
    public string? DisplayName { get; set; }
    /// <summary>Help text.</summary>
    public string? Description { get; set; }
    /// <summary>Group.</summary>
    public string? Category { get; set; }
    /// <summary>Editor.</summary>
    public string? UIHint { get; set; }
    /// <summary>Storage driver.</summary>
    public string? StorageDriverType { get; set; }
    /// <summary>Array of <see cref="Type"/>.</summary>
    public bool IsArray { get; set; }
    /// <summary>Unknown fields.</summary>
    [System.Text.Json.Serialization.JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The CLR type of the value (a method, so serializers never see it).</summary>
    public Type GetClrType()
    {
        var element = TypeAliases.Resolve(Type) ?? typeof(object);
        return IsArray ? element.MakeArrayType() : element;
    }
}
