using Humanizer;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Activities.Composition;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Core.Registry;

/// <summary>
/// Every activity type the engine knows: built-ins, plugins, and published definitions usable as activities.
/// Looked up by (type name, version); a missing version falls back to the newest.
/// </summary>
public sealed class ActivityRegistry
{
    private readonly Dictionary<string, SortedList<int, ActivityDescriptor>> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActivityDescriptor> _byWorkflowVersionId = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates the registry from DI registrations.</summary>
    public ActivityRegistry(IEnumerable<ActivityRegistration> registrations)
    {
        foreach (var registration in registrations)
        {
            Register(registration.Descriptor);
        }
    }

    /// <summary>Adds or replaces a descriptor (same type and version).</summary>
    public void Register(ActivityDescriptor descriptor)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        lock (_lock)
        {
            if (!_byType.TryGetValue(descriptor.TypeName, out var versions))
            {
                versions = [];
                _byType[descriptor.TypeName] = versions;
            }

            versions[descriptor.Version] = descriptor;
        }
    }

    /// <summary>Whether a (type, version) is registered already.</summary>
    public bool Contains(string typeName, int version)
    {
        lock (_lock)
        {
            return _byType.TryGetValue(typeName, out var versions) && versions.ContainsKey(version);
        }
    }

    /// <summary>The descriptor of (type, version), or the newest version of the type.</summary>
    public ActivityDescriptor? Find(string typeName, int? version = null)
    {
        lock (_lock)
        {
            if (!_byType.TryGetValue(typeName, out var versions) || versions.Count == 0)
            {
                return null;
            }

            return version is { } v && versions.TryGetValue(v, out var exact) ? exact : versions.Values[^1];
        }
    }

    /// <summary>The workflow-as-activity descriptor of a definition version id.</summary>
    public ActivityDescriptor? FindByWorkflowVersionId(string versionId)
    {
        lock (_lock)
        {
            return _byWorkflowVersionId.GetValueOrDefault(versionId);
        }
    }

    /// <summary>The newest workflow-as-activity descriptor of a definition id.</summary>
    public ActivityDescriptor? FindByWorkflowDefinitionId(string definitionId)
    {
        lock (_lock)
        {
            return _byWorkflowVersionId.Values
                .Where(d => Equals(d.CustomProperties.GetValueOrDefault("WorkflowDefinitionId"), definitionId))
                .OrderByDescending(d => d.Version)
                .FirstOrDefault();
        }
    }

    /// <summary>Every registered descriptor (all versions).</summary>
    public IReadOnlyList<ActivityDescriptor> All()
    {
        lock (_lock)
        {
            return [.. _byType.Values.SelectMany(v => v.Values)];
        }
    }

    /// <summary>The activity type name of a definition used as an activity: its name in PascalCase.</summary>
    public static string WorkflowActivityTypeName(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var name = string.IsNullOrWhiteSpace(definition.Name) ? definition.DefinitionId : definition.Name;
        return name.Dehumanize();
    }

    /// <summary>Registers a definition (with <c>usableAsActivity</c>) as an activity type.</summary>
    public ActivityDescriptor RegisterWorkflowActivity(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var typeName = WorkflowActivityTypeName(definition);
        var descriptor = new ActivityDescriptor
        {
            TypeName = typeName,
            Namespace = "",
            Name = typeName,
            Version = definition.Version,
            Category = definition.Options.ActivityCategory ?? "Workflows",
            DisplayName = definition.Name ?? typeName,
            Description = definition.Description,
            Kind = ActivityKind.Action,
            Ports = [.. definition.Outcomes.Select(o => new PortDescriptor(o, o))],
            Inputs = [.. definition.Inputs.Select(i => new InputDescriptor
            {
                Name = i.Name,
                TypeName = i.IsArray ? i.Type + "[]" : i.Type,
                DisplayName = i.DisplayName ?? i.Name,
                Description = i.Description,
                Category = i.Category,
                UIHint = i.UIHint ?? UIHints.SingleLine,
                IsWrapped = true,
            })],
            Outputs = [.. definition.Outputs.Select(o => new OutputDescriptor { Name = o.Name, TypeName = o.Type, DisplayName = o.DisplayName ?? o.Name, Description = o.Description })],
            CustomProperties = new()
            {
                ["Type"] = typeof(WorkflowDefinitionActivity).FullName,
                ["WorkflowDefinitionId"] = definition.DefinitionId,
                ["WorkflowDefinitionVersionId"] = definition.Id,
            },
            Factory = () => new WorkflowDefinitionActivity
            {
                Type = typeName,
                Version = definition.Version,
                WorkflowDefinitionId = definition.DefinitionId,
                WorkflowDefinitionVersionId = definition.Id,
            },
        };
        Register(descriptor);
        lock (_lock)
        {
            _byWorkflowVersionId[definition.Id] = descriptor;
        }

        return descriptor;
    }
}
