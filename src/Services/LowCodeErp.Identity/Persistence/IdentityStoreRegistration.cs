using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Identity.Persistence;

/// <summary>Registers the provider's context subclass and exposes it as <see cref="IdentityStoreDbContext"/>.</summary>
internal static class IdentityStoreRegistration
{
    public static IServiceCollection AddIdentityStore(this IServiceCollection services, IdentityDatabaseOptions database)
    {
        services.AddSingleton(database);
        switch (database.Provider)
        {
            case IdentityDatabaseProvider.Sqlite:
                Add<SqliteIdentityStoreDbContext>(services, o => o.UseSqlite(database.ConnectionString));
                break;
            case IdentityDatabaseProvider.PostgreSql:
                Add<PostgreSqlIdentityStoreDbContext>(services, o => o.UseNpgsql(database.ConnectionString));
                break;
            case IdentityDatabaseProvider.SqlServer:
                Add<SqlServerIdentityStoreDbContext>(services, o => o.UseSqlServer(database.ConnectionString));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(database), database.Provider, "Unknown provider.");
        }

        return services;
    }

    private static void Add<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : IdentityStoreDbContext
    {
        services.AddDbContext<TContext>(configure);
        services.AddScoped<IdentityStoreDbContext>(sp => sp.GetRequiredService<TContext>());
    }

    public static DbContextOptions<TContext> Options<TContext>(Action<DbContextOptionsBuilder> configure)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configure(builder);
        return builder.Options;
    }
}
