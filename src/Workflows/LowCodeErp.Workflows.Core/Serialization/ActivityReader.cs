using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Activities.Containers;
using LowCodeErp.Workflows.Core.Flowcharts;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;

namespace LowCodeErp.Workflows.Core.Serialization;

/// <summary>
/// Turns activity JSON into activity objects, reporting every problem with its JSON path instead of dropping anything.
/// </summary>
internal sealed class ActivityReader(ActivityRegistry registry, List<DefinitionError> errors)
{
    [ThreadStatic]
    private static ActivityReader? _current;
    private static readonly HashSet<string> CommonProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata",
    };

    private string _nestedPath = "$";

    /// <summary>The reader active on this thread (for activities nested in plain input values).</summary>
    public static ActivityReader? Current => _current;

    public Activity? ReadRoot(JsonElement element, string path)
    {
        var previous = _current;
        _current = this;
        try
        {
            return Read(element, path);
        }
        finally
        {
            _current = previous;
        }
    }

    public Activity? ReadNested(JsonElement element) => Read(element, _nestedPath);

    private Activity? Read(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError(path, "an activity must be a JSON object"));
            return null;
        }

        var id = JsonHelpers.GetProperty(element, "id")?.GetString() ?? "";
        var type = JsonHelpers.GetProperty(element, "type") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Add(new DefinitionError($"{path}.type", "activity has no 'type'", id));
            return NotFound(element, id, "");
        }

        if (string.IsNullOrEmpty(id))
        {
            errors.Add(new DefinitionError($"{path}.id", "activity has no 'id'"));
        }

        var version = JsonHelpers.GetProperty(element, "version") is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : (int?)null;
        var descriptor = Resolve(element, type, version);
        if (descriptor?.Factory is null)
        {
            errors.Add(new DefinitionError($"{path}.type", $"unknown activity type '{type}'", id));
            return NotFound(element, id, type);
        }

        var activity = descriptor.Factory();
        activity.Id = id;
        activity.NodeId = JsonHelpers.GetProperty(element, "nodeId")?.GetString();
        activity.Name = JsonHelpers.GetProperty(element, "name")?.GetString();
        activity.Version = descriptor.Version;
        activity.CustomProperties = JsonHelpers.ToObject(JsonHelpers.GetProperty(element, "customProperties"));
        activity.Metadata = JsonHelpers.ToObject(JsonHelpers.GetProperty(element, "metadata"));
        var consumed = new HashSet<string>(CommonProperties, StringComparer.OrdinalIgnoreCase);

        if (activity is WorkflowDefinitionActivity composite)
        {
            ReadWorkflowActivity(element, composite, descriptor, consumed);
        }
        else if (descriptor.TypeInfo is { } info)
        {
            ReadDeclared(element, path, activity, info, consumed);
        }

        if (activity is ContainerActivity container)
        {
            ReadContainer(element, path, container, consumed);
        }

        if (activity is Flowchart flowchart && JsonHelpers.GetProperty(element, "connections") is { } connections)
        {
            consumed.Add("connections");
            flowchart.Connections = ConnectionReader.Read(connections, $"{path}.connections", errors);
        }

        activity.ExtraProperties = element.EnumerateObject().Where(p => !consumed.Contains(p.Name))
            .ToDictionary(p => p.Name, p => p.Value.Clone());
        if (activity.ExtraProperties.Count == 0)
        {
            activity.ExtraProperties = null;
        }

        return activity;
    }

    private ActivityDescriptor? Resolve(JsonElement element, string type, int? version)
    {
        // Elsa's order: a matching workflow version id wins, then (type, version), then the newest of the type, then the definition id.
        if (JsonHelpers.GetProperty(element, "workflowDefinitionVersionId") is { ValueKind: JsonValueKind.String } versionId &&
            registry.FindByWorkflowVersionId(versionId.GetString()!) is { } byVersionId)
        {
            return byVersionId;
        }

        if (registry.Find(type, version) is { } byType)
        {
            return byType;
        }

        return JsonHelpers.GetProperty(element, "workflowDefinitionId") is { ValueKind: JsonValueKind.String } definitionId
            ? registry.FindByWorkflowDefinitionId(definitionId.GetString()!)
            : null;
    }

    private void ReadDeclared(JsonElement element, string path, Activity activity, ActivityTypeInfo info, HashSet<string> consumed)
    {
        foreach (var input in info.Inputs)
        {
            if (JsonHelpers.GetProperty(element, input.JsonName) is not { } value)
            {
                // Studio drops activities without inputs: the declared default applies, as Elsa's descriptors promise.
                if (input.IsWrapped && input.Attribute.DefaultValue is { } fallback && input.Property.GetValue(activity) is null)
                {
                    input.Property.SetValue(activity, Input.Create(input.ValueType, Expression.Literal(fallback)));
                }

                continue;
            }

            consumed.Add(input.JsonName);
            var inputPath = $"{path}.{input.JsonName}";
            if (input.IsWrapped)
            {
                if (ReadWrapped(value, input.ValueType) is { } wrapped)
                {
                    input.Property.SetValue(activity, wrapped);
                }

                continue;
            }

            try
            {
                _nestedPath = inputPath;
                input.Property.SetValue(activity, value.ValueKind == JsonValueKind.Null ? null : value.Deserialize(input.Property.PropertyType, SerializerOptions.Default));
            }
            catch (JsonException ex)
            {
                errors.Add(new DefinitionError(inputPath, $"invalid value for input '{input.Name}': {ex.Message}", activity.Id));
            }
        }

        foreach (var output in info.Outputs)
        {
            if (JsonHelpers.GetProperty(element, output.JsonName) is { } value)
            {
                consumed.Add(output.JsonName);
                if (ReadOutput(value, output.ValueType) is { } bound)
                {
                    output.Property.SetValue(activity, bound);
                }
            }
        }

        foreach (var port in info.Ports)
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(port.Name);
            if (JsonHelpers.GetProperty(element, name) is { } value)
            {
                consumed.Add(name);
                port.SetValue(activity, Read(value, $"{path}.{name}"));
            }
        }
    }

    private static void ReadWorkflowActivity(JsonElement element, WorkflowDefinitionActivity activity, ActivityDescriptor descriptor, HashSet<string> consumed)
    {
        consumed.UnionWith(["workflowDefinitionId", "workflowDefinitionVersionId", "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId"]);
        activity.LatestAvailablePublishedVersion = JsonHelpers.GetProperty(element, "latestAvailablePublishedVersion") is { ValueKind: JsonValueKind.Number } n ? n.GetInt32() : null;
        activity.LatestAvailablePublishedVersionId = JsonHelpers.GetProperty(element, "latestAvailablePublishedVersionId")?.GetString();
        foreach (var input in descriptor.Inputs)
        {
            var jsonName = JsonNamingPolicy.CamelCase.ConvertName(input.Name);
            if (JsonHelpers.GetProperty(element, jsonName) is { } value && ReadWrapped(value, TypeAliases.Resolve(input.TypeName) ?? typeof(object)) is { } wrapped)
            {
                consumed.Add(jsonName);
                activity.Inputs[input.Name] = wrapped;
            }
        }

        foreach (var output in descriptor.Outputs)
        {
            var jsonName = JsonNamingPolicy.CamelCase.ConvertName(output.Name);
            if (JsonHelpers.GetProperty(element, jsonName) is { } value && ReadOutput(value, typeof(object)) is { } bound)
            {
                consumed.Add(jsonName);
                activity.Outputs[output.Name] = bound;
            }
        }

    }

    private void ReadContainer(JsonElement element, string path, ContainerActivity container, HashSet<string> consumed)
    {
        if (JsonHelpers.GetProperty(element, "activities") is { ValueKind: JsonValueKind.Array } activities)
        {
            consumed.Add("activities");
            var index = 0;
            foreach (var child in activities.EnumerateArray())
            {
                if (Read(child, $"{path}.activities[{index++}]") is { } activity)
                {
                    container.Activities.Add(activity);
                }
            }
        }

        if (JsonHelpers.GetProperty(element, "variables") is { ValueKind: JsonValueKind.Array } variables)
        {
            consumed.Add("variables");
            container.Variables = variables.Deserialize<List<VariableDefinition>>(SerializerOptions.Default) ?? [];
        }
    }

    /// <summary>A wrapped input: <c>{typeName, expression}</c>, or a bare value taken as a literal.</summary>
    public static Input? ReadWrapped(JsonElement value, Type valueType)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Object when JsonHelpers.GetProperty(value, "expression") is { } expressionElement:
                if (ExpressionJsonConverter.FromElement(expressionElement) is not { } expression)
                {
                    return null;
                }

                var input = Input.Create(valueType, expression);
                input.TypeName = JsonHelpers.GetProperty(value, "typeName") is { ValueKind: JsonValueKind.String } typeName ? typeName.GetString() : null;
                return input;
            default:
                return Input.Create(valueType, Expression.Literal(ExpressionJsonConverter.LiteralValue(value)));
        }
    }

    private static Output? ReadOutput(JsonElement value, Type valueType)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var reference = JsonHelpers.GetProperty(value, "memoryReference") is { ValueKind: JsonValueKind.Object } memory
            ? JsonHelpers.GetProperty(memory, "id")?.GetString()
            : null;
        var typeName = JsonHelpers.GetProperty(value, "typeName") is { ValueKind: JsonValueKind.String } t ? t.GetString() : null;
        return Output.Create(valueType, reference, typeName);
    }

    private static NotFoundActivity NotFound(JsonElement element, string id, string type) => new()
    {
        Id = id,
        MissingTypeName = type,
        OriginalActivityJson = element.Clone(),
    };
}
