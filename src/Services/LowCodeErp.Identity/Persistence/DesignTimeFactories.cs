using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace LowCodeErp.Identity.Persistence;

// Used only by `dotnet ef` (one per provider context). Generating a migration needs no server; the connection string
// comes from ERP_IDENTITY_CONNECTION when a command such as `database update` really connects.

/// <summary>Design-time SQLite context.</summary>
public sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityStoreDbContext>
{
    /// <inheritdoc />
    public SqliteIdentityStoreDbContext CreateDbContext(string[] args) =>
        new(IdentityStoreRegistration.Options<SqliteIdentityStoreDbContext>(o => o.UseSqlite(Connection("Data Source=data/identity.db"))));

    internal static string Connection(string fallback) => Environment.GetEnvironmentVariable("ERP_IDENTITY_CONNECTION") ?? fallback;
}

/// <summary>Design-time PostgreSQL context.</summary>
public sealed class PostgreSqlIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIdentityStoreDbContext>
{
    /// <inheritdoc />
    public PostgreSqlIdentityStoreDbContext CreateDbContext(string[] args) =>
        new(IdentityStoreRegistration.Options<PostgreSqlIdentityStoreDbContext>(o => o.UseNpgsql(
            SqliteIdentityDesignTimeFactory.Connection("Host=127.0.0.1;Port=55432;Username=postgres;Database=identity"))));
}

/// <summary>Design-time SQL Server context.</summary>
public sealed class SqlServerIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerIdentityStoreDbContext>
{
    /// <inheritdoc />
    public SqlServerIdentityStoreDbContext CreateDbContext(string[] args) =>
        new(IdentityStoreRegistration.Options<SqlServerIdentityStoreDbContext>(o => o.UseSqlServer(
            SqliteIdentityDesignTimeFactory.Connection("Server=localhost;Database=Identity;Integrated Security=true;TrustServerCertificate=true"))));
}
