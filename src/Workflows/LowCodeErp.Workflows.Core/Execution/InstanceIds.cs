using System.Buffers.Binary;
using System.Security.Cryptography;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>
/// New workflow instance ids and concurrency stamps. An id is the 32 lowercase hex digits Elsa uses, taken from a
/// version-7 GUID whose leading 48 bits are the creation time in milliseconds. A newer instance's id therefore sorts
/// after an older one's, so every index keyed by instance id (the instances' key, the journal's, bookmarks, timers)
/// grows at its end: consecutive saves share the same few index pages. With random ids every save dirtied one random
/// page per such index, which the database wrote, checkpointed and often had to read first.
/// <para>
/// The random bits come from the operating system's secure generator, as <see cref="Guid.NewGuid"/>'s do, but a block
/// at a time: on Linux .NET reads 16 bytes from /dev/urandom for every <see cref="Guid.NewGuid"/>, and with two per
/// start (id and stamp) those reads were several percent of a persisted start's CPU on a virtual machine.
/// </para>
/// </summary>
public static class InstanceIds
{
    private const int BlockSize = 4096;

    [ThreadStatic]
    private static byte[]? _block;

    [ThreadStatic]
    private static int _taken;

    /// <summary>A new id for an instance created at <paramref name="now"/>.</summary>
    public static string New(DateTimeOffset now) => NewVersion7(now).ToString("N");

    /// <summary>A version-7 GUID (RFC 9562) for <paramref name="now"/>, as <see cref="Guid.CreateVersion7(DateTimeOffset)"/> makes.</summary>
    public static Guid NewVersion7(DateTimeOffset now)
    {
        var milliseconds = now.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(now));
        Span<byte> bytes = stackalloc byte[16];
        TakeRandom(bytes);
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, milliseconds);
        time[2..].CopyTo(bytes); // the low 48 bits, big-endian
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A random version-4 GUID, as <see cref="Guid.NewGuid"/> makes.</summary>
    public static Guid NewVersion4()
    {
        Span<byte> bytes = stackalloc byte[16];
        TakeRandom(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private static void TakeRandom(Span<byte> destination)
    {
        var block = _block;
        if (block is null || _taken + destination.Length > BlockSize)
        {
            block ??= _block = new byte[BlockSize];
            RandomNumberGenerator.Fill(block);
            _taken = 0;
        }

        var source = block.AsSpan(_taken, destination.Length);
        source.CopyTo(destination);
        source.Clear(); // each random byte is handed out once
        _taken += destination.Length;
    }
}
