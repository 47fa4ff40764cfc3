using Microsoft.Extensions.Configuration;

namespace LowCodeErp.Workflows.Runtime.Persistence;

/// <summary>Database providers the runtime supports.</summary>
public enum WorkflowsDatabaseProvider
{
    /// <summary>Embedded default.</summary>
    Sqlite,
    /// <summary>PostgreSQL.</summary>
    PostgreSql,
    /// <summary>SQL Server.</summary>
    SqlServer,
}

/// <summary>Which database the runtime uses: <c>Workflows:Database:Provider</c> and <c>ConnectionStrings:Workflows</c>.</summary>
public sealed class WorkflowsDatabaseOptions
{
    /// <summary>The embedded default: a SQLite file under ./data.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=data/workflows.db";

    /// <summary>Provider.</summary>
    public WorkflowsDatabaseProvider Provider { get; set; } = WorkflowsDatabaseProvider.Sqlite;

    /// <summary>Connection string.</summary>
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>Reads the options; an unknown provider name fails at start-up rather than silently using SQLite.</summary>
    public static WorkflowsDatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Workflows:Database:Provider"];
        var provider = WorkflowsDatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(name) && !Enum.TryParse(name, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Workflows:Database:Provider '{name}' is not one of {string.Join(", ", Enum.GetNames<WorkflowsDatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString("Workflows");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == WorkflowsDatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException($"ConnectionStrings:Workflows is required for provider {provider}.");
        }

        return new WorkflowsDatabaseOptions { Provider = provider, ConnectionString = connectionString };
    }
}
