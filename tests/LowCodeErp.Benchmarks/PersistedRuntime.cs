using System.Diagnostics;
using System.Diagnostics.Metrics;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Runtime;
using LowCodeErp.Workflows.Runtime.Import;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Services;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LowCodeErp.Benchmarks;

/// <summary>
/// A throw-away database for the persisted scenarios: a SQLite file in a temp folder, or a fresh PostgreSQL database
/// created on the server named by <c>ERP_TEST_POSTGRES</c> and dropped again on dispose.
/// </summary>
internal sealed class PersistedDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "ERP_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _server;
    private readonly string? _name;

    private PersistedDatabase(WorkflowsDatabaseProvider provider, string connectionString, string? folder, string? server, string? name)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _server = server;
        _name = name;
    }

    public WorkflowsDatabaseProvider Provider { get; }
    public string ConnectionString { get; }

    public static PersistedDatabase Sqlite()
    {
        var folder = Directory.CreateTempSubdirectory("erp-bench-").FullName;
        return new PersistedDatabase(WorkflowsDatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "workflows.db")}", folder, null, null);
    }

    /// <summary>A new database on the <c>ERP_TEST_POSTGRES</c> server, or null when the variable is not set.</summary>
    public static async Task<PersistedDatabase?> PostgresAsync()
    {
        if (Environment.GetEnvironmentVariable(PostgresVariable) is not { Length: > 0 } server)
        {
            return null;
        }

        var name = "erp_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return new PersistedDatabase(WorkflowsDatabaseProvider.PostgreSql,
            new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server, name);
    }

    /// <summary>How the database is set up, for the notes (SQLite: the journal mode EF's migration left in the file).</summary>
    public async Task<string> DescribeAsync()
    {
        if (Provider != WorkflowsDatabaseProvider.Sqlite)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT current_setting('server_version'), current_setting('fsync'), current_setting('synchronous_commit')", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return $"PostgreSQL {reader.GetString(0)} (fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)})";
        }

        await using var sqlite = new SqliteConnection(ConnectionString);
        await sqlite.OpenAsync();
        await using var mode = new SqliteCommand("PRAGMA journal_mode", sqlite);
        var journalMode = await mode.ExecuteScalarAsync();
        await using var synchronous = new SqliteCommand("PRAGMA synchronous", sqlite);
        var level = Convert.ToInt32(await synchronous.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        string[] names = ["OFF", "NORMAL", "FULL", "EXTRA"];
        return $"SQLite {sqlite.ServerVersion} (journal_mode={journalMode}, synchronous={(level is >= 0 and < 4 ? names[level] : level.ToString(System.Globalization.CultureInfo.InvariantCulture))})";
    }

    /// <summary>SQLite: bytes per stored instance (state JSON, journal JSON) and the file sizes.</summary>
    public async Task<string> DescribeSizesAsync()
    {
        await using var sqlite = new SqliteConnection(ConnectionString);
        await sqlite.OpenAsync();
        await using var command = new SqliteCommand(
            "SELECT (SELECT avg(length(CAST(StateJson AS BLOB))) FROM WorkflowInstances), (SELECT avg(length(CAST(EntriesJson AS BLOB))) FROM WorkflowJournalSegments), " +
            "(SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()), (SELECT count(*) FROM WorkflowInstances)", sqlite);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetInt64(3):N0} instances; state JSON {reader.GetDouble(0):N0} B, journal JSON {reader.GetDouble(1):N0} B per instance; database {reader.GetInt64(2) / 1e6:N1} MB " +
               $"({(double)reader.GetInt64(2) / reader.GetInt64(3):N0} B per instance)";
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools(); // pooled connections keep the file open
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A temp folder left behind is harmless.
            }
        }

        if (_server is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The real durable runtime as a server composes it: <c>AddWorkflowEngine().AddWorkflowRuntime(configuration)</c>,
/// migrations applied, and the benchmark definitions imported through <see cref="WorkflowFolderImporter"/> (draft + publish).
/// Hosted services (timers, recovery) are not started: nothing here waits on a timer.
/// </summary>
internal sealed class PersistedHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PersistedHost(ServiceProvider services)
    {
        _services = services;
        Runtime = services.GetRequiredService<IWorkflowRuntime>();
    }

    public IWorkflowRuntime Runtime { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<PersistedHost> CreateAsync(PersistedDatabase database)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Workflows:Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:Workflows"] = database.ConnectionString,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddLogging(); // no providers: log calls are no-ops, as in the WorkflowCore baseline
        collection.AddWorkflowEngine().AddWorkflowRuntime(configuration);
        var services = collection.BuildServiceProvider();
        var host = new PersistedHost(services);
        try
        {
            await services.GetRequiredService<WorkflowsDbContextFactory>().MigrateAsync();
            var report = await services.GetRequiredService<WorkflowFolderImporter>().ImportAsync(Path.Combine(AppContext.BaseDirectory, "Definitions"));
            if (report.Errors.Count > 0)
            {
                throw new BenchmarkFailedException("import of Definitions/ failed: " + string.Join("; ", report.Errors));
            }

            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>What EF Core reported through its DiagnosticListener while a <see cref="DbCommandMeter"/> was open.</summary>
internal sealed record DbProfile(long Commands, TimeSpan CommandTime, long Commits, TimeSpan CommitTime, long Opens, TimeSpan OpenTime, long Batches, double BatchMs);

/// <summary>
/// Counts EF Core's database commands, commits and connection opens with their durations, from the
/// "Microsoft.EntityFrameworkCore" DiagnosticListener (no change to the runtime needed). Subscribing makes EF build event
/// objects, so it is used in a separate profiling pass, never during the measured rounds.
/// </summary>
internal sealed class DbCommandMeter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private long _commands;
    private long _commandTicks;
    private long _commits;
    private long _commitTicks;
    private long _opens;
    private long _openTicks;

    // Instance saves bypass EF (ADO.NET group-commit writer): their transactions are timed by the runtime's meter.
    private readonly MeterListener _batches = new();
    private long _batchCount;
    private double _batchMs;

    public DbCommandMeter()
    {
        _all = DiagnosticListener.AllListeners.Subscribe(this);
        _batches.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == GroupCommitWriter.MeterName && instrument.Name == "erp.workflows.save_batch.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _batches.SetMeasurementEventCallback<double>((_, ms, _, _) =>
        {
            lock (_batches)
            {
                _batchCount++;
                _batchMs += ms;
            }
        });
        _batches.Start();
    }

    public DbProfile Snapshot() => new(
        Interlocked.Read(ref _commands), TimeSpan.FromTicks(Interlocked.Read(ref _commandTicks)),
        Interlocked.Read(ref _commits), TimeSpan.FromTicks(Interlocked.Read(ref _commitTicks)),
        Interlocked.Read(ref _opens), TimeSpan.FromTicks(Interlocked.Read(ref _openTicks)), BatchCount, BatchMs);

    private long BatchCount
    {
        get
        {
            lock (_batches)
            {
                return _batchCount;
            }
        }
    }

    private double BatchMs
    {
        get
        {
            lock (_batches)
            {
                return _batchMs;
            }
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        switch (value.Value)
        {
            case CommandExecutedEventData executed:
                Interlocked.Increment(ref _commands);
                Interlocked.Add(ref _commandTicks, executed.Duration.Ticks);
                break;
            case TransactionEndEventData ended when value.Key == RelationalEventId.TransactionCommitted.Name:
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _commitTicks, ended.Duration.Ticks);
                break;
            case ConnectionEndEventData opened when value.Key == RelationalEventId.ConnectionOpened.Name:
                Interlocked.Increment(ref _opens);
                Interlocked.Add(ref _openTicks, opened.Duration.Ticks);
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _batches.Dispose();
        _all.Dispose();
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }
}
