using System.Runtime.CompilerServices;
using Jint.Runtime.Interop;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>Activity output accessors: <c>get&lt;Output&gt;From&lt;Activity&gt;()</c>.</summary>
internal sealed partial class ScriptSession
{
    private static readonly ConditionalWeakTable<WorkflowGraph, Dictionary<string, Activity>> ActivitiesByAccessorName = new();

    private (string ActivityId, string OutputName)? FindOutputByAccessor(ReadOnlySpan<char> accessor)
    {
        // get<Output>From<Activity>; either part may itself contain "From", so try every split.
        const string separator = "From";
        for (var index = accessor.IndexOf(separator, StringComparison.Ordinal); index >= 0;)
        {
            if (index > 0 && index + separator.Length < accessor.Length)
            {
                var activityPart = accessor[(index + separator.Length)..];
                if (FindActivityByAccessor(activityPart) is { } activity
                    && FindOutputName(activity, accessor[..index]) is { } outputName)
                {
                    return (activity.Id, outputName);
                }
            }

            var next = accessor[(index + 1)..].IndexOf(separator, StringComparison.Ordinal);
            index = next < 0 ? -1 : index + 1 + next;
        }

        return null;
    }

    private Activity? FindActivityByAccessor(ReadOnlySpan<char> accessor)
    {
        var graph = _context.EnclosingGraph();
        var map = ActivitiesByAccessorName.GetValue(graph, static g =>
        {
            var byAccessor = new Dictionary<string, Activity>(StringComparer.Ordinal);
            foreach (var (name, activity) in g.ActivitiesByName)
            {
                byAccessor.TryAdd(AccessorName.Pascalize(name), activity);
            }

            foreach (var (name, activity) in g.ActivitiesByName)
            {
                byAccessor.TryAdd(name, activity);
            }

            return byAccessor;
        });
        return map.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(accessor, out var found) ? found : null;
    }

    private string? FindOutputName(Activity activity, ReadOnlySpan<char> outputName)
    {
        foreach (var output in ActivityTypeInfo.Of(activity.GetType()).Outputs)
        {
            if (outputName.Equals(output.Name, StringComparison.OrdinalIgnoreCase))
            {
                return output.Name;
            }
        }

        // Dynamic outputs (a workflow used as an activity): whatever it produced.
        if (_context.GetActivityOutputs(activity.Id) is { } produced)
        {
            foreach (var key in produced.Keys)
            {
                if (outputName.Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    return key;
                }
            }
        }

        return null;
    }

    private IEnumerable<string> OutputNames(Activity activity)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in ActivityTypeInfo.Of(activity.GetType()).Outputs)
        {
            names.Add(output.Name);
        }

        if (_context.GetActivityOutputs(activity.Id) is { } produced)
        {
            foreach (var key in produced.Keys)
            {
                names.Add(key);
            }
        }

        return names.Where(AccessorName.IsIdentifier);
    }

    private object? ReadOutput(string activityIdOrName, string outputName) =>
        _context.GetActivityOutputs(activityIdOrName) is { } outputs && outputs.TryGetValue(outputName, out var value) ? value : null;

    private ClrFunction CreateOutputGetter(string name, string activityId, string outputName) =>
        new(_engine, name, (_, _) => JsValueConverter.ToJs(_engine, ReadOutput(activityId, outputName)));
}
