using System.Security.Cryptography;
using System.Text;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>
/// Hash of what a definition does, not of which version row holds it: the fields the store owns (version id, number,
/// flags, creation time) are left out, so re-importing an unchanged file compares equal to its stored version.
/// </summary>
public static class DefinitionContentHash
{
    private static readonly string[] StoreOwnedFields = ["id", "version", "isLatest", "isPublished", "createdAt"];

    /// <summary>Upper-case hex SHA-256.</summary>
    public static string Compute(WorkflowDefinition definition)
    {
        var json = WorkflowSerializer.ToJson(definition);
        foreach (var field in StoreOwnedFields)
        {
            json.Remove(field);
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json.ToJsonString())));
    }
}
