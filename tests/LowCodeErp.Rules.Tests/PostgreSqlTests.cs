using FluentAssertions;
using LowCodeErp.Rules.Persistence;
using LowCodeErp.Rules.Stores;
using LowCodeErp.Rules.Tests.Infrastructure;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Runtime.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace LowCodeErp.Rules.Tests;

/// <summary>The PostgreSQL migrations and the lifecycle (filtered unique index included) on a real server.</summary>
public sealed class PostgreSqlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Versioning_Should_WorkOnPostgreSql()
    {
        var server = PostgresRequirement.ConnectionString();
        var database = $"erp_rules_{Guid.NewGuid():N}"[..24];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync(Ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync(Ct);
        }

        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false }.ConnectionString;
            await using var services = new ServiceCollection().AddLogging().AddWorkflowEngine()
                .AddRules(new WorkflowsDatabaseOptions { Provider = WorkflowsDatabaseProvider.PostgreSql, ConnectionString = connection }, new RulesOptions())
                .BuildServiceProvider();
            await services.GetRequiredService<RulesDatabase>().MigrateAsync(Ct);
            var store = services.GetRequiredService<RuleSetStore>();

            await store.SaveDraftAsync("Limit", VersioningTests.Limit(100), null, Ct);
            await store.PublishAsync("Limit", cancellationToken: Ct);
            await store.SaveDraftAsync("Limit", VersioningTests.Limit(200), null, Ct);
            await store.PublishAsync("Limit", cancellationToken: Ct);

            (await store.VersionsAsync("Limit", Ct)).Select(v => (v.Version, v.State))
                .Should().Equal((2, RuleSetVersionState.Published), (1, RuleSetVersionState.Retired));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync(Ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(Ct);
        }
    }
}
