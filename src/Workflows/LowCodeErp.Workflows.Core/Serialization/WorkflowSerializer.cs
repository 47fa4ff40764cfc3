using System.Text.Json;
using System.Text.Json.Nodes;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Core.Registry;

namespace LowCodeErp.Workflows.Core.Serialization;

/// <summary>
/// Reads and writes Elsa 3 workflow definition JSON. Reading never throws on bad input: it returns the problems with
/// their JSON paths. Writing produces the current shape; load → save → load is lossless.
/// </summary>
public sealed class WorkflowSerializer(ActivityRegistry registry)
{
    private const string SchemaProperty = "$schema";
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a definition document.</summary>
    public DefinitionReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : "";
            return new DefinitionReadResult(null, [new DefinitionError("$", $"malformed JSON{where}: {FirstSentence(ex.Message)}")]);
        }

        using (document)
        {
            return Read(document.RootElement);
        }
    }

    /// <summary>Reads a definition from a parsed element.</summary>
    public DefinitionReadResult Read(JsonElement element)
    {
        var errors = new List<DefinitionError>();
        if (ReadHeader(element, errors) is not { } definition)
        {
            return new DefinitionReadResult(null, errors);
        }

        if (JsonHelpers.GetProperty(element, "root") is not { ValueKind: JsonValueKind.Object } root)
        {
            errors.Add(new DefinitionError("$.root", "definition has no root activity"));
            return new DefinitionReadResult(definition, errors);
        }

        definition.Root = new ActivityReader(registry, errors).ReadRoot(root, "$.root")!;
        return new DefinitionReadResult(definition, errors);
    }

    /// <summary>Reads everything but the root (used to register workflows as activities before reading their users).</summary>
    public static WorkflowDefinition? ReadHeader(JsonElement element, List<DefinitionError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new DefinitionError("$", "a workflow definition must be a JSON object"));
            return null;
        }

        try
        {
            var header = element.Deserialize<DefinitionHeader>(SerializerOptions.Default)!;
            var definition = header.ToDefinition();
            if (string.IsNullOrWhiteSpace(definition.DefinitionId))
            {
                errors.Add(new DefinitionError("$.definitionId", "definition has no 'definitionId'"));
            }

            return definition;
        }
        catch (JsonException ex)
        {
            errors.Add(new DefinitionError(ex.Path is { Length: > 0 } path ? path : "$", FirstSentence(ex.Message)));
            return null;
        }
    }

    /// <summary>Writes a definition document (indented, <c>$schema</c> first when the source had one).</summary>
    public static string Write(WorkflowDefinition definition, bool indented = true) =>
        ToJson(definition).ToJsonString(indented ? SerializerOptions.Indented : SerializerOptions.Default);

    /// <summary>The JSON object of a definition.</summary>
    public static JsonObject ToJson(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var json = new JsonObject();
        if (definition.Extra?.TryGetValue(SchemaProperty, out var schema) == true)
        {
            json[SchemaProperty] = JsonNode.Parse(schema.GetRawText());
        }

        var header = JsonSerializer.SerializeToNode(DefinitionHeader.From(definition), SerializerOptions.Default)!.AsObject();
        foreach (var (name, value) in header.ToList())
        {
            header.Remove(name);
            json[name] = value;
        }

        json["root"] = definition.Root is null ? null : ActivityWriter.Write(definition.Root);
        foreach (var (name, value) in definition.Extra ?? [])
        {
            if (name != SchemaProperty)
            {
                json[name] = JsonNode.Parse(value.GetRawText());
            }
        }

        return json;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }

    /// <summary>The top-level fields as JSON sees them (root excluded, unknown fields kept).</summary>
    private sealed class DefinitionHeader
    {
        public string? Id { get; set; }
        public string? DefinitionId { get; set; }
        public string? TenantId { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public DateTimeOffset CreatedAt { get; set; }
        public int? Version { get; set; }
        public string? ToolVersion { get; set; }
        public List<VariableDefinition>? Variables { get; set; }
        public List<ArgumentDefinition>? Inputs { get; set; }
        public List<ArgumentDefinition>? Outputs { get; set; }
        public List<string>? Outcomes { get; set; }
        public JsonObject? CustomProperties { get; set; }
        public bool IsReadonly { get; set; }
        public bool IsSystem { get; set; }
        public bool? IsLatest { get; set; }
        public bool IsPublished { get; set; }
        public WorkflowOptions? Options { get; set; }
        public bool? UsableAsActivity { get; set; }

        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.Always)]
        public JsonElement? Root { get; set; }

        [System.Text.Json.Serialization.JsonExtensionData]
        public Dictionary<string, JsonElement>? Extra { get; set; }

        public WorkflowDefinition ToDefinition()
        {
            Extra?.Remove("root");
            return new WorkflowDefinition
            {
                Id = Id ?? DefinitionId ?? "",
                DefinitionId = DefinitionId ?? "",
                TenantId = TenantId,
                Name = Name,
                Description = Description,
                CreatedAt = CreatedAt,
                Version = Version ?? 1,
                ToolVersion = ToolVersion,
                Variables = Variables ?? [],
                Inputs = Inputs ?? [],
                Outputs = Outputs ?? [],
                Outcomes = Outcomes ?? [],
                CustomProperties = CustomProperties ?? [],
                IsReadonly = IsReadonly,
                IsSystem = IsSystem,
                IsLatest = IsLatest ?? true,
                IsPublished = IsPublished,
                Options = Options ?? new WorkflowOptions(),
                UsableAsActivity = UsableAsActivity,
                Extra = Extra is { Count: > 0 } ? Extra : null,
            };
        }

        public static DefinitionHeader From(WorkflowDefinition d) => new()
        {
            Id = d.Id,
            DefinitionId = d.DefinitionId,
            TenantId = d.TenantId,
            Name = d.Name,
            Description = d.Description,
            CreatedAt = d.CreatedAt,
            Version = d.Version,
            ToolVersion = d.ToolVersion,
            Variables = d.Variables,
            Inputs = d.Inputs,
            Outputs = d.Outputs,
            Outcomes = d.Outcomes,
            CustomProperties = (JsonObject)d.CustomProperties.DeepClone(),
            IsReadonly = d.IsReadonly,
            IsSystem = d.IsSystem,
            IsLatest = d.IsLatest,
            IsPublished = d.IsPublished,
            Options = d.Options,
            UsableAsActivity = d.UsableAsActivity,
        };
    }
}
