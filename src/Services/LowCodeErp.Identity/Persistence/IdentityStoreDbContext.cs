using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LowCodeErp.Identity.Persistence;

/// <summary>
/// The identity service's one model: ASP.NET Core Identity's users/roles and OpenIddict's applications, authorizations,
/// scopes and tokens. Abstract because EF keeps migrations per context type: each provider has a thin subclass with its
/// own migrations folder (the runtime's pattern), while the stores only see this type.
/// </summary>
public abstract class IdentityStoreDbContext(DbContextOptions options) : IdentityDbContext<ErpUser, ErpRole, string>(options)
{
    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.UseOpenIddict();
        builder.Entity<ErpUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasIndex(u => u.IsDisabled);
        });
        builder.Entity<ErpRole>().Property(r => r.Description).HasMaxLength(500);
    }
}

/// <summary>SQLite (the embedded default).</summary>
public sealed class SqliteIdentityStoreDbContext(DbContextOptions<SqliteIdentityStoreDbContext> options) : IdentityStoreDbContext(options);

/// <summary>PostgreSQL.</summary>
public sealed class PostgreSqlIdentityStoreDbContext(DbContextOptions<PostgreSqlIdentityStoreDbContext> options) : IdentityStoreDbContext(options);

/// <summary>SQL Server.</summary>
public sealed class SqlServerIdentityStoreDbContext(DbContextOptions<SqlServerIdentityStoreDbContext> options) : IdentityStoreDbContext(options);
