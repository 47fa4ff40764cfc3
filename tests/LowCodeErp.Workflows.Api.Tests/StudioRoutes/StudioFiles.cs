using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace LowCodeErp.Workflows.Api.Tests.StudioRoutes;

/// <summary>Uploads and downloads as Studio's client sends and reads them.</summary>
internal static class StudioFiles
{
    /// <summary>A multipart body with one <c>files</c> part per (name, bytes, content type).</summary>
    public static MultipartFormDataContent Upload(params (string Name, byte[] Bytes, string ContentType)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes, contentType) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, "files", name);
        }

        return form;
    }

    /// <summary>A JSON file part.</summary>
    public static (string, byte[], string) Json(string name, JsonNode json) => (name, Encoding.UTF8.GetBytes(json.ToJsonString()), "application/json");

    /// <summary>A ZIP of (entry name, JSON) as one file part.</summary>
    public static (string, byte[], string) Zip(string name, params (string Entry, JsonNode Json)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (entry, json) in entries)
            {
                using var stream = archive.CreateEntry(entry).Open();
                stream.Write(Encoding.UTF8.GetBytes(json.ToJsonString()));
            }
        }

        return (name, buffer.ToArray(), "application/zip");
    }

    /// <summary>The JSON entries of a downloaded ZIP by entry name.</summary>
    public static Dictionary<string, JsonNode> ReadZip(byte[] bytes)
    {
        using var archive = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return JsonNode.Parse(stream)!;
        });
    }

    /// <summary>Saves (and optionally publishes) a definition; returns Studio's save response.</summary>
    public static async Task<JsonNode> SaveAsync(HttpClient client, JsonObject model, bool publish, CancellationToken ct)
    {
        var response = await client.PostAsJsonAsync("/elsa/api/workflow-definitions", new { model, publish }, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonNode>(ct))!;
    }
}
