using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// Hash of what a definition does, not of which version row holds it: the fields the store owns (version id, number,
/// flags, creation time) are left out, so re-importing an unchanged file compares equal to its stored version. So are the
/// version pins of workflows used as activities: the reader fills them from whichever version of the child the registry
/// holds (the file's own, or the database's), so the same document would otherwise hash differently depending on how its
/// child was read.
/// </summary>
public static class DefinitionContentHash
{
    private static readonly string[] StoreOwnedFields = ["id", "version", "isLatest", "isPublished", "createdAt"];
    private static readonly string[] ChildVersionPins = ["version", "workflowDefinitionVersionId", "latestAvailablePublishedVersion", "latestAvailablePublishedVersionId"];

    /// <summary>Upper-case hex SHA-256.</summary>
    public static string Compute(WorkflowDefinition definition)
    {
        var json = WorkflowSerializer.ToJson(definition);
        foreach (var field in StoreOwnedFields)
        {
            json.Remove(field);
        }

        if (json["root"] is { } root)
        {
            DropChildVersionPins(root);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }

    private static void DropChildVersionPins(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.ContainsKey("workflowDefinitionId"))
                {
                    foreach (var pin in ChildVersionPins)
                    {
                        obj.Remove(pin);
                    }
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        DropChildVersionPins(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        DropChildVersionPins(item);
                    }
                }

                break;
        }
    }
}
