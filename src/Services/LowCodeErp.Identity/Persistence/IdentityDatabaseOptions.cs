using Microsoft.Extensions.Configuration;

namespace LowCodeErp.Identity.Persistence;

/// <summary>Database providers of the identity store.</summary>
public enum IdentityDatabaseProvider
{
    /// <summary>Embedded default.</summary>
    Sqlite,
    /// <summary>PostgreSQL.</summary>
    PostgreSql,
    /// <summary>SQL Server.</summary>
    SqlServer,
}

/// <summary>Which database: <c>Identity:Database:Provider</c> and <c>ConnectionStrings:Identity</c>.</summary>
public sealed class IdentityDatabaseOptions
{
    /// <summary>Provider.</summary>
    public IdentityDatabaseProvider Provider { get; init; } = IdentityDatabaseProvider.Sqlite;

    /// <summary>Connection string.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Reads the options; an unknown provider fails at start-up rather than silently using SQLite.</summary>
    public static IdentityDatabaseOptions FromConfiguration(IConfiguration configuration, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration["Identity:Database:Provider"];
        var provider = IdentityDatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(name) && !Enum.TryParse(name, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Identity:Database:Provider '{name}' is not one of {string.Join(", ", Enum.GetNames<IdentityDatabaseProvider>())}.");
        }

        var connectionString = configuration.GetConnectionString("Identity");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == IdentityDatabaseProvider.Sqlite
                ? $"Data Source={Path.Combine(dataFolder, "identity.db")}"
                : throw new InvalidOperationException($"ConnectionStrings:Identity is required for provider {provider}.");
        }

        return new IdentityDatabaseOptions { Provider = provider, ConnectionString = connectionString };
    }
}
