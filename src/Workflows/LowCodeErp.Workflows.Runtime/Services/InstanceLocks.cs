using System.Collections.Concurrent;
using LowCodeErp.Workflows.Runtime.Persistence;
using Medallion.Threading.Postgres;

namespace LowCodeErp.Workflows.Runtime.Services;

/// <summary>
/// At most one executor per instance at a time. The lock makes concurrent callers wait instead of failing; the
/// instance store's optimistic concurrency still catches anything that slips past (e.g. an expired lease elsewhere).
/// </summary>
public interface IInstanceLockProvider
{
    /// <summary>Waits for the instance's lock; dispose the handle to release it.</summary>
    ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default);
}

/// <summary>One process (SQLite, embedded): a semaphore per instance id, dropped when nobody holds or waits for it.</summary>
public sealed class InProcessInstanceLockProvider : IInstanceLockProvider
{
    private readonly ConcurrentDictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        Entry entry;
        while (true)
        {
            entry = _locks.GetOrAdd(instanceId, static _ => new Entry());
            lock (entry)
            {
                // An entry being removed (users == 0 after release) must not be reused: retry with a fresh one.
                if (entry.Users >= 0)
                {
                    entry.Users++;
                    break;
                }
            }
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(instanceId, entry, held: false);
            throw;
        }

        return new Handle(() => Release(instanceId, entry, held: true));
    }

    private void Release(string instanceId, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (entry)
        {
            if (--entry.Users == 0)
            {
                entry.Users = -1;
                _locks.TryRemove(new KeyValuePair<string, Entry>(instanceId, entry));
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int Users { get; set; }
    }

    private sealed class Handle(Action release) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                release();
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>Several nodes on PostgreSQL: a session advisory lock per instance (held on its own connection).</summary>
public sealed class PostgresInstanceLockProvider(WorkflowsDatabaseOptions database) : IInstanceLockProvider
{
    /// <inheritdoc />
    public async ValueTask<IAsyncDisposable> AcquireAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        // Hashing the name keeps any instance id within the advisory-lock key space (collisions only serialise more).
        var key = new PostgresAdvisoryLockKey("wf-instance:" + instanceId, allowHashing: true);
        var handle = await new PostgresDistributedLock(key, database.ConnectionString).AcquireAsync(cancellationToken: cancellationToken);
        return handle;
    }
}

/// <summary>The lock of an instance nobody else can know yet.</summary>
internal sealed class NoLock : IAsyncDisposable
{
    public static readonly IAsyncDisposable Instance = new NoLock();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
