using LowCodeErp.Data.Auditing;
using LowCodeErp.Data.SoftDelete;
using LowCodeErp.Data.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.Data;

/// <summary>
/// The three calls a service makes to get soft-delete and audit: <see cref="AddErpDataConventions"/> at start-up,
/// <see cref="UseErpDataConventions"/> in AddDbContext, <see cref="ApplyErpDataConventions"/> at the end of OnModelCreating.
/// </summary>
public static class DataConventions
{
    /// <summary>Registers the interceptors and the HTTP-based <see cref="ICurrentUser"/> (a service may register its own first).</summary>
    public static IServiceCollection AddErpDataConventions(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<ICurrentUser, HttpContextCurrentUser>();
        services.TryAddScoped<SoftDeleteInterceptor>();
        services.TryAddScoped<AuditInterceptor>();
        return services;
    }

    /// <summary>
    /// Adds the interceptors to a DbContext: <c>AddDbContext&lt;T&gt;((sp, o) =&gt; o.UseNpgsql(…).UseErpDataConventions(sp))</c>.
    /// Soft-delete runs first so the audit records a soft delete as "Deleted", not as a physical removal.
    /// </summary>
    public static DbContextOptionsBuilder UseErpDataConventions(this DbContextOptionsBuilder options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AddInterceptors(
            services.GetRequiredService<SoftDeleteInterceptor>(),
            services.GetRequiredService<AuditInterceptor>());
    }

    /// <summary>Maps the audit table and adds the "SoftDelete" query filter; call after the service's own entities.</summary>
    public static ModelBuilder ApplyErpDataConventions(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        AuditModel.Configure(modelBuilder);
        SoftDeleteQueryFilters.Apply(modelBuilder);
        return modelBuilder;
    }
}
