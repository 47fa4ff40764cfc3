using FluentAssertions;
using LowCodeErp.Workflows.Core;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Persistence;
using LowCodeErp.Workflows.Runtime.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Workflows.Runtime.Tests;

/// <summary>The provider comes from configuration; a typo fails at start-up instead of silently using SQLite.</summary>
public sealed class DatabaseConfigurationTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Missing_settings_should_mean_the_embedded_sqlite_file()
    {
        var options = WorkflowsDatabaseOptions.FromConfiguration(Config());

        options.Provider.Should().Be(WorkflowsDatabaseProvider.Sqlite);
        options.ConnectionString.Should().Be(WorkflowsDatabaseOptions.DefaultSqliteConnectionString);
    }

    [Fact]
    public void Provider_and_connection_string_should_be_read_case_insensitively()
    {
        var options = WorkflowsDatabaseOptions.FromConfiguration(Config(("Workflows:Database:Provider", "postgresql"), ("ConnectionStrings:Workflows", "Host=db")));

        options.Provider.Should().Be(WorkflowsDatabaseProvider.PostgreSql);
        options.ConnectionString.Should().Be("Host=db");
    }

    [Fact]
    public void Unknown_provider_or_missing_server_connection_string_should_fail()
    {
        var unknown = () => WorkflowsDatabaseOptions.FromConfiguration(Config(("Workflows:Database:Provider", "Oracle")));
        var noConnection = () => WorkflowsDatabaseOptions.FromConfiguration(Config(("Workflows:Database:Provider", "SqlServer")));

        unknown.Should().Throw<InvalidOperationException>().WithMessage("*Oracle*Sqlite, PostgreSql, SqlServer*");
        noConnection.Should().Throw<InvalidOperationException>().WithMessage("*ConnectionStrings:Workflows*");
    }

    [Fact]
    public void Runtime_should_replace_the_engines_in_memory_definition_provider()
    {
        using var services = new ServiceCollection().AddWorkflowEngine()
            .AddWorkflowRuntime(Config(("Workflows:Database:Provider", "Sqlite"), ("ConnectionStrings:Workflows", "Data Source=:memory:")))
            .BuildServiceProvider();

        services.GetRequiredService<IWorkflowDefinitionProvider>().Should().BeSameAs(services.GetRequiredService<IWorkflowDefinitionStore>());
        services.GetRequiredService<WorkflowsDbContextFactory>().CreateDbContext().Should().BeOfType<SqliteWorkflowsDbContext>();
    }
}
