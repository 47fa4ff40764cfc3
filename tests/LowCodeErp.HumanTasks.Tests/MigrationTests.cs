using FluentAssertions;
using LowCodeErp.HumanTasks.Persistence;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace LowCodeErp.HumanTasks.Tests;

/// <summary>
/// Every provider's migrations match the model; SQL Server cannot run here, so its script is checked as SQL, and the
/// PostgreSQL script for the trigram search (which the PostgreSQL test classes also run for real).
/// </summary>
public sealed class MigrationTests
{
    private static string Script(WorkflowsDatabaseProvider provider)
    {
        using var db = Context(provider);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    }

    private static HumanTasksDbContext Context(WorkflowsDatabaseProvider provider) => new HumanTasksDbContextFactory(new WorkflowsDatabaseOptions
    {
        Provider = provider,
        ConnectionString = provider switch
        {
            WorkflowsDatabaseProvider.Sqlite => "Data Source=:memory:",
            WorkflowsDatabaseProvider.PostgreSql => "Host=unreachable.invalid",
            _ => "Server=unreachable.invalid;Database=Workflows;TrustServerCertificate=true",
        },
    }).CreateDbContext();

    [Fact]
    public void Each_provider_should_have_migrations_matching_the_model()
    {
        foreach (var provider in Enum.GetValues<WorkflowsDatabaseProvider>())
        {
            using var db = Context(provider);
            db.Database.GetMigrations().Should().Contain(m => m.EndsWith("_InboxIndexes", StringComparison.Ordinal), $"{provider} has the inbox indexes");
            db.Database.HasPendingModelChanges().Should().BeFalse($"the {provider} migrations must match the model (run dotnet ef migrations add)");
        }
    }

    [Fact]
    public void Sql_server_script_should_create_the_candidate_index_and_fill_it_from_open_tasks()
    {
        var script = Script(WorkflowsDatabaseProvider.SqlServer);

        script.Should().Contain("CREATE TABLE [HumanTaskCandidates]");
        script.Should().Contain("[DueOrder] datetimeoffset NOT NULL");
        script.Should().Contain("CREATE INDEX [IX_HumanTaskCandidates_Priority] ON [HumanTaskCandidates] ([Kind], [Name], [Priority] DESC, [CreatedAt], [TaskId], [DefinitionId])");
        script.Should().Contain("CREATE INDEX [IX_HumanTaskCandidates_DueOrder] ON [HumanTaskCandidates] ([Kind], [Name], [DueOrder], [TaskId], [DefinitionId])");
        script.Should().Contain("INSERT INTO [HumanTaskCandidates]").And.Contain("WHERE t.[Status] = N'Unassigned'");
        script.Should().MatchRegex(@"WHERE \[MigrationId\] = N'\d+_InboxIndexes'");
    }

    [Fact]
    public void Postgres_script_should_enable_pg_trgm_and_index_title_description_and_business_key()
    {
        var script = Script(WorkflowsDatabaseProvider.PostgreSql);

        script.Should().Contain("CREATE EXTENSION IF NOT EXISTS pg_trgm");
        foreach (var column in new[] { "Title", "Description", "BusinessKey" })
        {
            script.Should().Contain($"CREATE INDEX \"IX_HumanTasks_{column}_Trigram\" ON \"HumanTasks\" USING gin (\"{column}\" gin_trgm_ops)");
        }
    }
}
