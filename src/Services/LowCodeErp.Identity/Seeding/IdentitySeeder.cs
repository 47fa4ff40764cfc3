using LowCodeErp.Identity.Configuration;
using LowCodeErp.Identity.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;

namespace LowCodeErp.Identity.Seeding;

/// <summary>
/// Start-up work (hosted, so it finishes before requests are served): migrate, ensure the built-in roles, the
/// <c>erp-api</c> scope and the configured clients (created or brought up to date), and in the embedded shape the demo users.
/// Existing users are never overwritten: an administrator's changes survive restarts.
/// </summary>
internal sealed class IdentitySeeder(
    IServiceScopeFactory scopes, IOptions<IdentityServiceOptions> options, IHostEnvironment environment, ILogger<IdentitySeeder> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (options.Value.MigrateOnStartup)
        {
            await MigrateAsync(services.GetRequiredService<IdentityStoreDbContext>(), cancellationToken);
        }

        await EnsureRolesAsync(services.GetRequiredService<RoleManager<ErpRole>>());
        await EnsureScopeAsync(services.GetRequiredService<IOpenIddictScopeManager>(), cancellationToken);
        await EnsureClientsAsync(services.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        if (options.Value.SeedDemoUsers ?? environment.IsDevelopment())
        {
            await EnsureDemoUsersAsync(services.GetRequiredService<UserManager<ErpUser>>());
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task MigrateAsync(IdentityStoreDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // SQLite will not create the folder of its file.
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
    }

    private static async Task EnsureRolesAsync(RoleManager<ErpRole> roles)
    {
        foreach (var name in ErpPermissions.BuiltInRoles.Keys)
        {
            if (await roles.FindByNameAsync(name) is null)
            {
                Check(await roles.CreateAsync(new ErpRole { Name = name, Description = "Built-in role." }), $"role {name}");
            }
        }
    }

    private static async Task EnsureScopeAsync(IOpenIddictScopeManager manager, CancellationToken cancellationToken)
    {
        if (await manager.FindByNameAsync(ClientCatalog.ApiResource, cancellationToken) is null)
        {
            var descriptor = new OpenIddictScopeDescriptor { Name = ClientCatalog.ApiResource, DisplayName = "LowCodeErp APIs" };
            descriptor.Resources.Add(ClientCatalog.ApiResource);
            await manager.CreateAsync(descriptor, cancellationToken);
        }
    }

    private async Task EnsureClientsAsync(IOpenIddictApplicationManager manager, CancellationToken cancellationToken)
    {
        foreach (var descriptor in ClientCatalog.Descriptors(options.Value))
        {
            // Configuration is the source of truth for clients: existing rows are updated (redirect URIs, secrets, grants).
            if (await manager.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is { } existing)
            {
                await manager.UpdateAsync(existing, descriptor, cancellationToken);
            }
            else
            {
                await manager.CreateAsync(descriptor, cancellationToken);
            }
        }
    }

    private async Task EnsureDemoUsersAsync(UserManager<ErpUser> users)
    {
        // They share one password, so one hash serves them all: PBKDF2 is slow on purpose, and start-up should not be.
        string? sharedHash = null;
        foreach (var (userName, displayName, role) in DemoUsers.All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new ErpUser { UserName = userName, DisplayName = displayName, CreatedAt = DateTimeOffset.UtcNow, PasswordHash = sharedHash };
            Check(sharedHash is null ? await users.CreateAsync(user, options.Value.DemoPassword) : await users.CreateAsync(user),
                $"demo user {userName} (Identity:DemoPassword)");
            sharedHash = user.PasswordHash;
            Check(await users.AddToRoleAsync(user, role), $"role of demo user {userName}");
        }

        var password = options.Value.DemoPassword == IdentityServiceOptions.DefaultDemoPassword
            ? $"the default '{IdentityServiceOptions.DefaultDemoPassword}'"
            : "the configured Identity:DemoPassword";
        logger.LogInformation("Demo users (password: {Password}): {Users}", password,
            string.Join(", ", DemoUsers.All.Select(u => $"{u.UserName} ({u.Role})")));
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
