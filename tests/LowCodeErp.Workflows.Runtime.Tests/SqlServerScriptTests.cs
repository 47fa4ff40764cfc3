using FluentAssertions;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>
/// SQL Server cannot run here, so its migrations are checked as SQL: the idempotent script (what a DBA would run) is
/// generated without a connection and must create every table, the indexes and SQL Server column types.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static string Script()
    {
        var factory = new WorkflowsDbContextFactory(new WorkflowsDatabaseOptions
        {
            Provider = WorkflowsDatabaseProvider.SqlServer,
            ConnectionString = "Server=unreachable.invalid;Database=Workflows;TrustServerCertificate=true",
        });
        using var db = factory.CreateDbContext();
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    [Fact]
    public void Idempotent_script_should_create_every_table_guarded_by_the_migrations_history()
    {
        var script = Script();

        foreach (var table in new[] { "WorkflowDefinitions", "WorkflowInstances", "WorkflowBookmarks", "WorkflowTriggers", "WorkflowTimers", "WorkflowIncidents", "WorkflowJournalSegments" })
        {
            script.Should().Contain($"CREATE TABLE [{table}]");
        }

        // Idempotent: every step is guarded by a history check, so the script can be re-run on any state.
        script.Should().MatchRegex(@"IF NOT EXISTS \(\s*SELECT \* FROM \[__EFMigrationsHistory\]\s*WHERE \[MigrationId\] = N'\d+_Initial'");
        script.Should().Contain("INSERT INTO [__EFMigrationsHistory]");
    }

    [Fact]
    public void Script_should_have_the_unique_and_filtered_indexes()
    {
        var script = Script();

        script.Should().Contain("CREATE UNIQUE INDEX [IX_WorkflowDefinitions_DefinitionId_Version] ON [WorkflowDefinitions] ([DefinitionId], [Version])");
        script.Should().Contain("CREATE UNIQUE INDEX [IX_WorkflowDefinitions_DefinitionId_Published] ON [WorkflowDefinitions] ([DefinitionId]) WHERE [IsPublished] = 1");
        script.Should().Contain("CREATE INDEX [IX_WorkflowBookmarks_Hash_CorrelationId] ON [WorkflowBookmarks] ([Hash], [CorrelationId])");
        script.Should().Contain("CREATE INDEX [IX_WorkflowTimers_DueAt] ON [WorkflowTimers] ([DueAt])");
    }

    [Fact]
    public void Script_should_use_sql_server_types()
    {
        var script = Script();

        script.Should().Contain("[Json] nvarchar(max) NOT NULL");
        script.Should().Contain("[StateJson] nvarchar(max) NOT NULL");
        script.Should().Contain("[DueAt] datetimeoffset NOT NULL");
        script.Should().Contain("[ConcurrencyStamp] uniqueidentifier NOT NULL");
        script.Should().Contain("[DefinitionId] nvarchar(200) NOT NULL");
        script.Should().Contain("[IsPublished] bit NOT NULL");
    }

    [Fact]
    public void Each_provider_should_have_its_own_migrations()
    {
        foreach (var provider in Enum.GetValues<WorkflowsDatabaseProvider>())
        {
            using var db = new WorkflowsDbContextFactory(new WorkflowsDatabaseOptions { Provider = provider, ConnectionString = Connection(provider) }).CreateDbContext();
            db.Database.GetMigrations().Should().ContainSingle(m => m.EndsWith("_Initial", StringComparison.Ordinal), $"{provider} has an Initial migration");
            db.Database.HasPendingModelChanges().Should().BeFalse($"the {provider} migrations must match the model (run dotnet ef migrations add)");
        }
    }

    private static string Connection(WorkflowsDatabaseProvider provider) => provider switch
    {
        WorkflowsDatabaseProvider.Sqlite => "Data Source=:memory:",
        WorkflowsDatabaseProvider.PostgreSql => "Host=unreachable.invalid",
        _ => "Server=unreachable.invalid",
    };
}
