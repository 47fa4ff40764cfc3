using FluentAssertions;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Tests.Infrastructure;

namespace LowCodeErp.Workflows.Core.Tests;

/// <summary>Every definition we hold (Elsa's corpus, our workflows/) survives load → save → load unchanged.</summary>
public sealed class CorpusRoundTripTests
{
    public static TheoryData<string> Folders() =>
    [
        .. Directory.GetDirectories(Path.Combine(AppContext.BaseDirectory, "Conformance")).Select(d => Path.GetRelativePath(AppContext.BaseDirectory, d)),
        Path.GetRelativePath(AppContext.BaseDirectory, RepositoryPaths.Workflows),
    ];

    [Theory]
    [MemberData(nameof(Folders))]
    public void Saving_a_loaded_definition_should_be_stable_and_lossless(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, folder), "*.json")
            .Where(f => !f.EndsWith(".expect.json", StringComparison.Ordinal)).ToList();
        using var first = new WorkflowTestHost();
        var loaded = first.Loader.LoadFiles(files);
        loaded.SelectMany(l => l.FormatErrors()).Should().BeEmpty();

        var saved = loaded.Select(l => (l.Source, Json: WorkflowSerializer.Write(l.Definition!))).ToList();
        using var second = new WorkflowTestHost();
        var reloaded = second.Loader.Load(saved);
        reloaded.SelectMany(l => l.FormatErrors()).Should().BeEmpty();

        for (var i = 0; i < saved.Count; i++)
        {
            WorkflowSerializer.Write(reloaded[i].Definition!).Should().Be(saved[i].Json, $"{saved[i].Source} must round-trip");
        }
    }

    [Fact]
    public void Saving_should_keep_designer_metadata_custom_properties_and_unknown_fields()
    {
        using var host = new WorkflowTestHost();
        const string json = """
            {"$schema":"https://example/schema.json","definitionId":"d","someFutureField":{"a":1},
             "variables":[{"id":"v","name":"V","typeName":"Int32","value":"3","futureVariableFlag":true}],
             "root":{"id":"f","type":"Elsa.Flowchart","customProperties":{"notFoundConnections":[],"mine":{"x":[1,2]}},
               "activities":[{"id":"w","type":"Elsa.WriteLine","futureActivityField":"keep me",
                 "metadata":{"designer":{"position":{"x":-400,"y":20},"size":{"width":110,"height":50}},"displayText":"Hi"},
                 "text":{"typeName":null,"expression":{"type":"Literal","value":"hi"}}}],
               "connections":[]}}
            """;

        var definition = host.Load(("d.json", json))[0];
        var saved = System.Text.Json.Nodes.JsonNode.Parse(WorkflowSerializer.Write(definition))!;

        saved.AsObject().First().Key.Should().Be("$schema");
        saved["someFutureField"]!["a"]!.GetValue<int>().Should().Be(1);
        saved["variables"]![0]!["futureVariableFlag"]!.GetValue<bool>().Should().BeTrue();
        saved["root"]!["customProperties"]!["mine"]!["x"]![1]!.GetValue<int>().Should().Be(2);
        var activity = saved["root"]!["activities"]![0]!;
        activity["futureActivityField"]!.GetValue<string>().Should().Be("keep me");
        activity["metadata"]!["designer"]!["position"]!["x"]!.GetValue<int>().Should().Be(-400);
        activity["text"]!["typeName"]!.GetValue<string>().Should().Be("String", "a missing type name is inferred from the activity");
    }
}

/// <summary>Where the repository's own folders are, seen from the test output.</summary>
internal static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LowCodeErp.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
        }
    }

    public static string Workflows => Path.Combine(Root, "workflows");
}
