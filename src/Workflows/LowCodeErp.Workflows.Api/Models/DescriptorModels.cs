namespace LowCodeErp.Workflows.Api.Models;

/// <summary>An expression type; <see cref="Properties"/> values must be strings (Studio's client type).</summary>
public sealed record ExpressionDescriptorModel(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, IReadOnlyDictionary<string, string> Properties);

/// <summary>A variable type alias.</summary>
public sealed record VariableTypeModel(string TypeName, string DisplayName, string Category, string? Description);

/// <summary>A variable storage driver.</summary>
public sealed record StorageDriverModel(string TypeName, string DisplayName, int Priority, bool Deprecated);

/// <summary>Activation, incident and log-persistence strategies.</summary>
public sealed record TypedStrategyModel(string TypeName, string DisplayName, string Description);

/// <summary>Commit strategies (named, not typed).</summary>
public sealed record NamedStrategyModel(string Name, string DisplayName, string Description);

/// <summary>An output converter (none exist yet).</summary>
public sealed record OutputConverterModel(string Id, string SourceTypeName, string ResultTypeName, string DisplayName, string? Description);

/// <summary>An installed feature; <see cref="FullName"/> = namespace + "." + name.</summary>
public sealed record FeatureModel(string Name, string Namespace, string FullName, string DisplayName, string Description);

/// <summary><c>{"packageVersion": "…"}</c>.</summary>
public sealed record PackageVersionResponse(string PackageVersion);

/// <summary><c>{"items": {…}}</c>: an input's UI specifications (Elsa's <c>GetActivityDescriptorOptionsResponse</c>).</summary>
public sealed record ActivityOptionsResponse(IReadOnlyDictionary<string, object?> Items);

/// <summary>Body of <c>POST /tests/activities</c> (the editor's Test tab).</summary>
public sealed record TestActivityRequest(TestWorkflowHandle? WorkflowDefinitionHandle, TestActivityHandle? ActivityHandle);

/// <summary>Which definition version the tested activity is in.</summary>
public sealed record TestWorkflowHandle(string? DefinitionId, string? DefinitionVersionId);

/// <summary>Which activity to test.</summary>
public sealed record TestActivityHandle(string? ActivityId, string? ActivityNodeId);

/// <summary>Elsa's <c>TestActivityResponse</c>; <see cref="Status"/> is an <c>ActivityStatus</c> name.</summary>
public sealed record TestActivityResponse(
    IReadOnlyDictionary<string, object?> ActivityState, IReadOnlyDictionary<string, object?>? Payload, IReadOnlyDictionary<string, object?>? Outputs,
    string Status, TestExceptionState? Exception);

/// <summary>Elsa's <c>ExceptionState</c>.</summary>
public sealed record TestExceptionState(string Type, string Message, string? StackTrace);
