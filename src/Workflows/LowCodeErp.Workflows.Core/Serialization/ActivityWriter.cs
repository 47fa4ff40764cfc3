using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Activities.Containers;
using LowCodeErp.Workflows.Core.Flowcharts;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;

namespace LowCodeErp.Workflows.Core.Serialization;

/// <summary>Writes activities in the current Elsa 3 shape (current connection shape, wrapped inputs with type names).</summary>
public static class ActivityWriter
{
    /// <summary>The JSON of an activity and its children.</summary>
    public static JsonObject Write(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity is NotFoundActivity notFound)
        {
            return JsonNode.Parse(notFound.OriginalActivityJson.GetRawText())!.AsObject();
        }

        var json = new JsonObject { ["id"] = activity.Id };
        if (activity.NodeId is not null)
        {
            json["nodeId"] = activity.NodeId;
        }

        if (activity.Name is not null)
        {
            json["name"] = activity.Name;
        }

        json["type"] = activity.Type;
        json["version"] = activity.Version;
        json["customProperties"] = activity.CustomProperties.DeepClone();
        json["metadata"] = activity.Metadata.DeepClone();

        if (activity is WorkflowDefinitionActivity composite)
        {
            WriteWorkflowActivity(json, composite);
        }
        else
        {
            WriteDeclared(json, activity, ActivityTypeInfo.Of(activity.GetType()));
        }

        if (activity is ContainerActivity container)
        {
            json["activities"] = new JsonArray([.. container.Activities.Select(a => (JsonNode)Write(a))]);
            json["variables"] = JsonSerializer.SerializeToNode(container.Variables, SerializerOptions.Default);
        }

        if (activity is Flowchart flowchart)
        {
            json["connections"] = new JsonArray([.. flowchart.Connections.Select(c => (JsonNode)WriteConnection(c))]);
        }

        foreach (var (name, value) in activity.ExtraProperties ?? [])
        {
            json[name] = JsonNode.Parse(value.GetRawText());
        }

        return json;
    }

    /// <summary>A wrapped input's JSON.</summary>
    public static JsonObject WriteInput(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new JsonObject
        {
            ["typeName"] = input.TypeName ?? TypeAliases.GetAlias(input.ValueType),
            ["expression"] = ExpressionJsonConverter.ToNode(input.Expression),
        };
    }

    private static void WriteDeclared(JsonObject json, Activity activity, ActivityTypeInfo info)
    {
        foreach (var input in info.Inputs)
        {
            var value = input.Property.GetValue(activity);
            if (value is null)
            {
                continue;
            }

            json[input.JsonName] = input.IsWrapped
                ? WriteInput((Input)value)
                : JsonSerializer.SerializeToNode(value, input.Property.PropertyType, SerializerOptions.Default);
        }

        foreach (var output in info.Outputs)
        {
            if (output.Property.GetValue(activity) is Output { MemoryReferenceId: not null } bound)
            {
                json[output.JsonName] = WriteOutput(bound, output.ValueType);
            }
        }

        foreach (var port in info.Ports)
        {
            if (port.GetValue(activity) is Activity child)
            {
                json[JsonNamingPolicy.CamelCase.ConvertName(port.Name)] = Write(child);
            }
        }
    }

    private static void WriteWorkflowActivity(JsonObject json, WorkflowDefinitionActivity activity)
    {
        json["workflowDefinitionId"] = activity.WorkflowDefinitionId;
        json["workflowDefinitionVersionId"] = activity.WorkflowDefinitionVersionId;
        if (activity.LatestAvailablePublishedVersion is { } latest)
        {
            json["latestAvailablePublishedVersion"] = latest;
        }

        if (activity.LatestAvailablePublishedVersionId is { } latestId)
        {
            json["latestAvailablePublishedVersionId"] = latestId;
        }

        foreach (var (name, input) in activity.Inputs)
        {
            json[JsonNamingPolicy.CamelCase.ConvertName(name)] = WriteInput(input);
        }

        foreach (var (name, output) in activity.Outputs)
        {
            json[JsonNamingPolicy.CamelCase.ConvertName(name)] = WriteOutput(output, typeof(object));
        }
    }

    private static JsonObject WriteOutput(Output output, Type valueType) => new()
    {
        ["typeName"] = output.TypeName ?? TypeAliases.GetAlias(valueType),
        ["memoryReference"] = new JsonObject { ["id"] = output.MemoryReferenceId },
    };

    private static JsonObject WriteConnection(Connection connection)
    {
        var json = new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = connection.Source.ActivityId, ["port"] = connection.Source.Port },
            ["target"] = new JsonObject { ["activity"] = connection.Target.ActivityId, ["port"] = connection.Target.Port ?? "In" },
        };
        json["vertices"] = connection.Vertices?.DeepClone() ?? new JsonArray();
        return json;
    }
}
