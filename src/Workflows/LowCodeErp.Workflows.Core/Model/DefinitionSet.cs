using System.Text.Json;
using LowCodeErp.Workflows.Core.Registry;
using LowCodeErp.Workflows.Core.Serialization;
using LowCodeErp.Workflows.Core.Validation;

namespace LowCodeErp.Workflows.Core.Model;

/// <summary>A definition file after loading: the definition (if readable) and its problems.</summary>
public sealed record LoadedDefinition(string Source, WorkflowDefinition? Definition, IReadOnlyList<DefinitionError> Errors)
{
    /// <summary>Whether it may run.</summary>
    public bool IsValid => Definition is not null && Errors.Count == 0;

    /// <summary><c>file:json-path: message (activity id)</c> per problem.</summary>
    public IEnumerable<string> FormatErrors() => Errors.Select(e => $"{Source}:{e}");
}

/// <summary>
/// Loads a set of definition documents that may use each other: definitions usable as activities are registered
/// first (from their headers), then every root is read and validated, and valid ones go into the store.
/// </summary>
public sealed class DefinitionLoader(ActivityRegistry registry, WorkflowSerializer serializer, WorkflowValidator validator, InMemoryWorkflowDefinitionStore store)
{
    /// <summary>Loads documents given as (source name, JSON text).</summary>
    public IReadOnlyList<LoadedDefinition> Load(IEnumerable<(string Source, string Json)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var parsed = new List<(string Source, string Json, JsonDocument? Document)>();
        foreach (var (source, json) in documents)
        {
            var errors = new List<DefinitionError>();
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                if (WorkflowSerializer.ReadHeader(document.RootElement, errors) is { IsUsableAsActivity: true } header)
                {
                    registry.RegisterWorkflowActivity(header);
                }
            }
            catch (JsonException)
            {
                // Reported with line and position by the full read below.
            }

            parsed.Add((source, json, document));
        }

        var results = new List<LoadedDefinition>();
        foreach (var (source, json, document) in parsed)
        {
            var read = document is null ? serializer.Read(json) : serializer.Read(document.RootElement);
            document?.Dispose();
            var errors = read.Definition is null ? read.Errors : validator.Validate(read.Definition, read.Errors);
            if (read.Definition is not null && errors.Count == 0)
            {
                store.Save(read.Definition);
            }

            results.Add(new LoadedDefinition(source, read.Definition, errors));
        }

        return results;
    }

    /// <summary>Loads files from disk.</summary>
    public IReadOnlyList<LoadedDefinition> LoadFiles(IEnumerable<string> paths) =>
        Load(paths.Select(p => (p, File.ReadAllText(p))).ToList());
}
