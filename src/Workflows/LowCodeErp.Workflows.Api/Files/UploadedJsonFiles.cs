using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.Workflows.Api.Files;

/// <summary>One JSON document from an upload; <see cref="Source"/> is <c>file.json</c> or <c>archive.zip/entry.json</c>.</summary>
public sealed record UploadedJson(string Source, JsonElement Root);

/// <summary>The documents of an upload and the problems keyed by source (empty when every file could be read).</summary>
public sealed record UploadedJsonBatch(IReadOnlyList<UploadedJson> Documents, Dictionary<string, string[]> Errors);

/// <summary>
/// Reads Elsa's import uploads: each multipart file is a JSON document or a ZIP whose <c>.json</c> entries are documents
/// (other entries are ignored, as in Elsa). A ZIP is recognised by its signature rather than by the content type the
/// browser guessed, so a <c>.json</c> sent as <c>application/octet-stream</c> still reads.
/// </summary>
public static class UploadedJsonFiles
{
    // A document larger than this is refused instead of being inflated into memory (a small ZIP can unpack to gigabytes).
    private const long MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>Reads every file of the request's form; a request that is not multipart is a problem of <c>files</c>.</summary>
    public static async Task<UploadedJsonBatch> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var documents = new List<UploadedJson>();
        var errors = new Dictionary<string, string[]>();
        if (!request.HasFormContentType || (await request.ReadFormAsync(cancellationToken)).Files is not { Count: > 0 } files)
        {
            errors["files"] = ["at least one file (multipart/form-data field 'files', JSON or ZIP) is required"];
            return new UploadedJsonBatch(documents, errors);
        }

        foreach (var file in files)
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            if (IsZip(buffer))
            {
                await ReadZipAsync(file.FileName, buffer, documents, errors, cancellationToken);
            }
            else
            {
                Add(file.FileName, buffer.ToArray(), documents, errors);
            }
        }

        if (documents.Count == 0 && errors.Count == 0)
        {
            errors["files"] = ["the upload holds no JSON document"];
        }

        return new UploadedJsonBatch(documents, errors);
    }

    private static async Task ReadZipAsync(
        string fileName, MemoryStream buffer, List<UploadedJson> documents, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        buffer.Position = 0;
        try
        {
            await using var archive = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
            foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
            {
                var source = $"{fileName}/{entry.FullName}";
                if (entry.Length > MaxDocumentBytes)
                {
                    errors[source] = [$"larger than {MaxDocumentBytes / 1024 / 1024} MB"];
                    continue;
                }

                await using var content = await entry.OpenAsync(cancellationToken);
                using var bytes = new MemoryStream();
                await content.CopyToAsync(bytes, cancellationToken);
                Add(source, bytes.ToArray(), documents, errors);
            }
        }
        catch (InvalidDataException exception)
        {
            errors[fileName] = [$"not a readable ZIP archive: {exception.Message}"];
        }
    }

    private static void Add(string source, byte[] bytes, List<UploadedJson> documents, Dictionary<string, string[]> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            documents.Add(new UploadedJson(source, document.RootElement.Clone()));
        }
        catch (JsonException exception)
        {
            errors[source] = [$"not valid JSON: {exception.Message}"];
        }
    }

    private static bool IsZip(MemoryStream buffer) =>
        buffer.Length >= 4 && buffer.GetBuffer() is [(byte)'P', (byte)'K', 3, 4, ..];
}
