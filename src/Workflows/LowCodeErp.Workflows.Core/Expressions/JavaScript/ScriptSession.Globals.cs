using Jint.Native;
using Jint.Runtime.Descriptors;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>Global resolution: maps each name a script references to a helper, an accessor or the variables object.</summary>
internal sealed partial class ScriptSession
{
    private JsValue? Resolve(string name)
    {
        if (HelperNames.Contains(name))
        {
            return CreateHelper(name);
        }

        if (name == VariablesObjectName)
        {
            return CreateVariablesObject();
        }

        var accessor = name.AsSpan(3);
        if (name.StartsWith("set", StringComparison.Ordinal))
        {
            return FindVariableByAccessor(accessor) is { } target ? CreateVariableSetter(name, target) : null;
        }

        if (FindVariableByAccessor(accessor) is { } variable)
        {
            return CreateVariableGetter(name, variable);
        }

        if (FindInputByAccessor(accessor) is { } inputName)
        {
            return CreateInputGetter(name, inputName);
        }

        return FindOutputByAccessor(accessor) is var (activityId, outputName) ? CreateOutputGetter(name, activityId, outputName) : null;
    }

    /// <summary>For scripts that can reach globals by computed names: every accessor, materialised on first read.</summary>
    private void InstallEverything()
    {
        var installed = new HashSet<string>(StringComparer.Ordinal);

        void Add(string name, Func<JsValue> factory)
        {
            if (installed.Add(name))
            {
                _engine.Advanced.AddLazyGlobal(name, _ => factory(), PropertyFlag.NonEnumerable);
            }
        }

        foreach (var helper in HelperNames)
        {
            Add(helper, () => CreateHelper(helper));
        }

        Add(VariablesObjectName, CreateVariablesObject);
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            var suffix = AccessorName.Pascalize(definition.Name);
            if (suffix.Length == 0)
            {
                continue;
            }

            Add("get" + suffix, () => CreateVariableGetter("get" + suffix, definition));
            Add("set" + suffix, () => CreateVariableSetter("set" + suffix, definition));
        }

        foreach (var inputName in InputNames())
        {
            var accessor = "get" + AccessorName.Pascalize(inputName);
            Add(accessor, () => CreateInputGetter(accessor, inputName));
        }

        foreach (var activity in _context.EnclosingGraph().ActivitiesByName.Values)
        {
            foreach (var outputName in OutputNames(activity))
            {
                var accessor = $"get{outputName}From{AccessorName.Pascalize(activity.Name!)}";
                var activityId = activity.Id;
                Add(accessor, () => CreateOutputGetter(accessor, activityId, outputName));
            }
        }
    }
}
