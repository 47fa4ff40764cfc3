using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// Elsa's stimulus hash: SHA-256 (upper-case hex) of <c>name|payload-json|activityInstanceId</c>, skipping empty parts.
/// The payload JSON keeps C# property names and omits nulls, so a stimulus computes the same hash as its bookmark.
/// </summary>
public static class BookmarkHasher
{
    private static readonly JsonSerializerOptions PayloadOptions = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Computes the hash of a stimulus.</summary>
    public static string Hash(string name, object? payload, string? activityInstanceId = null)
    {
        var parts = new List<string>(3) { name };
        if (payload is not null)
        {
            parts.Add(JsonSerializer.Serialize(payload, PayloadOptions));
        }

        if (!string.IsNullOrEmpty(activityInstanceId))
        {
            parts.Add(activityInstanceId);
        }

        var text = string.Join('|', parts.Where(p => !string.IsNullOrEmpty(p)));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
