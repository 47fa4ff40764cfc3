using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using LowCodeErp.Workflows.Abstractions;
using JintJsonSerializer = Jint.Native.Json.JsonSerializer;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>Variable accessors: <c>get&lt;Name&gt;()</c>/<c>set&lt;Name&gt;()</c>, <c>getVariable</c>/<c>setVariable</c> and the <c>variables</c> object.</summary>
internal sealed partial class ScriptSession
{
    private static string Key(VariableDefinition definition) => string.IsNullOrEmpty(definition.Id) ? definition.Name : definition.Id;

    private VariableDefinition? FindVariableByAccessor(ReadOnlySpan<char> accessor)
    {
        VariableDefinition? pascalMatch = null;
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            if (accessor.SequenceEqual(definition.Name))
            {
                return definition;
            }

            if (pascalMatch is null && AccessorName.Matches(definition.Name, accessor))
            {
                pascalMatch = definition;
            }
        }

        return pascalMatch;
    }

    private VariableDefinition? FindVariable(string idOrName)
    {
        VariableDefinition? byName = null;
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            if (string.Equals(definition.Id, idOrName, StringComparison.Ordinal))
            {
                return definition;
            }

            if (byName is null && string.Equals(definition.Name, idOrName, StringComparison.Ordinal))
            {
                byName = definition;
            }
        }

        return byName;
    }

    /// <summary>A variable's value as a fresh JavaScript copy (or the tracked copy when <c>variables.X</c> already made one).</summary>
    private JsValue ReadVariable(VariableDefinition definition)
    {
        if (_objectSlots is not null && _objectSlots.TryGetValue(definition, out var slot))
        {
            return slot.Value;
        }

        _context.TryGetVariable(Key(definition), out var value);
        return JsValueConverter.ToJs(_engine, value);
    }

    /// <summary>A variable's value through <c>variables.X</c>: objects are tracked so in-place changes are written back.</summary>
    private JsValue ReadTrackedVariable(VariableDefinition definition)
    {
        if (_objectSlots is not null && _objectSlots.TryGetValue(definition, out var slot))
        {
            return slot.Value;
        }

        var js = ReadVariable(definition);
        if (js is ObjectInstance)
        {
            (_objectSlots ??= new(ReferenceEqualityComparer.Instance)).Add(definition, new ObjectSlot(js, Snapshot(js)));
        }

        return js;
    }

    private void WriteVariable(VariableDefinition definition, JsValue value)
    {
        if (!_context.TrySetVariable(Key(definition), JsValueConverter.ToClr(value)))
        {
            throw new JavaScriptException(_engine.Intrinsics.TypeError, $"Variable '{definition.Name}' is not declared in scope.");
        }

        // The next read sees the stored (converted) value, not the script's object.
        _objectSlots?.Remove(definition);
    }

    private string? Snapshot(JsValue value) =>
        (_json ??= new JintJsonSerializer(_engine)).Serialize(value) is var json && json.IsString() ? json.AsString() : null;

    private ClrFunction CreateVariableGetter(string name, VariableDefinition definition) =>
        new(_engine, name, (_, _) => ReadVariable(definition));

    private ClrFunction CreateVariableSetter(string name, VariableDefinition definition) =>
        new(_engine, name, (_, args) =>
        {
            WriteVariable(definition, Arg(args, 0));
            return JsValue.Undefined;
        }, 1);

    private JsObject CreateVariablesObject()
    {
        var container = new JsObject(_engine);
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            if (string.IsNullOrEmpty(definition.Name))
            {
                continue;
            }

            var getter = new ClrFunction(_engine, "get " + definition.Name, (_, _) => ReadTrackedVariable(definition));
            var setter = new ClrFunction(_engine, "set " + definition.Name, (_, args) =>
            {
                WriteVariable(definition, Arg(args, 0));
                return JsValue.Undefined;
            }, 1);
            container.DefineOwnProperty(JsString.Create(definition.Name), new GetSetPropertyDescriptor(getter, setter, enumerable: true, configurable: true));
        }

        return container;
    }

    /// <summary>A variable's object value as the script sees it, with its JSON at first read to detect changes.</summary>
    private sealed class ObjectSlot(JsValue value, string? snapshot)
    {
        public JsValue Value { get; } = value;
        public string? Snapshot { get; } = snapshot;
    }
}
