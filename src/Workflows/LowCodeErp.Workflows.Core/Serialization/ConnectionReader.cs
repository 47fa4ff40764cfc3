using System.Text.Json;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Serialization;

/// <summary>Reads both of Elsa's connection shapes: <c>{source:{activity,port}, target:{activity,port}}</c> and the legacy flat one.</summary>
internal static class ConnectionReader
{
    public static List<Connection> Read(JsonElement element, string path, List<DefinitionError> errors)
    {
        // Older serializers wrote a single object or {"$values": [...]}.
        if (element.ValueKind == JsonValueKind.Object && JsonHelpers.GetProperty(element, "$values") is { } values)
        {
            element = values;
        }

        var items = element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().ToList(),
            JsonValueKind.Object => [element],
            _ => [],
        };
        var result = new List<Connection>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (ReadOne(items[i]) is { } connection)
            {
                result.Add(connection with { JsonIndex = i });
            }
            else
            {
                errors.Add(new DefinitionError($"{path}[{i}]", "connection needs a source and a target activity"));
            }
        }

        return result;
    }

    private static Connection? ReadOne(JsonElement element)
    {
        var source = JsonHelpers.GetProperty(element, "source");
        var target = JsonHelpers.GetProperty(element, "target");
        if (source is null || target is null)
        {
            return null;
        }

        var sourceEndpoint = ReadEndpoint(source.Value, JsonHelpers.GetProperty(element, "sourcePort"));
        var targetEndpoint = ReadEndpoint(target.Value, JsonHelpers.GetProperty(element, "targetPort"));
        if (sourceEndpoint is null || targetEndpoint is null)
        {
            return null;
        }

        var vertices = JsonHelpers.GetProperty(element, "vertices") is { ValueKind: JsonValueKind.Array } v
            ? System.Text.Json.Nodes.JsonNode.Parse(v.GetRawText())!.AsArray()
            : null;
        return new Connection(sourceEndpoint, targetEndpoint) { Vertices = vertices };
    }

    private static Endpoint? ReadEndpoint(JsonElement endpoint, JsonElement? legacyPort)
    {
        if (endpoint.ValueKind == JsonValueKind.String)
        {
            return new Endpoint(endpoint.GetString()!, legacyPort?.ValueKind == JsonValueKind.String ? legacyPort.Value.GetString() : null);
        }

        var activity = JsonHelpers.GetProperty(endpoint, "activity")?.GetString();
        var port = JsonHelpers.GetProperty(endpoint, "port") is { ValueKind: JsonValueKind.String } p ? p.GetString() : null;
        return string.IsNullOrEmpty(activity) ? null : new Endpoint(activity, port);
    }
}
