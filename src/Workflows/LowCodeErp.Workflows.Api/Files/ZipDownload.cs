using System.IO.Compression;

namespace LowCodeErp.Workflows.Api.Files;

/// <summary>Builds the ZIP of Elsa's bulk exports.</summary>
public static class ZipDownload
{
    // As Elsa does: a fixed entry time (the ZIP format's earliest) so identical exports are identical bytes.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A ZIP holding one entry per (name, content), in the given order.</summary>
    public static async Task<byte[]> CreateAsync(IEnumerable<(string Name, byte[] Content)> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var zip = new MemoryStream();
        await using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(content, cancellationToken);
            }
        }

        return zip.ToArray();
    }
}
