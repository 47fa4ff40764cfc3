using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>An activity that declares variables (the workflow, Flowchart, Sequence, a workflow used as an activity).</summary>
public interface IVariableContainer
{
    /// <summary>The declared variables.</summary>
    IReadOnlyList<VariableDefinition> Variables { get; }
}

/// <summary>Values of the variables one container declares; looked up by id first, then by name.</summary>
internal sealed class VariableScope
{
    private readonly IReadOnlyList<VariableDefinition> _definitions;
    private readonly object?[] _values;

    public VariableScope(IReadOnlyList<VariableDefinition> definitions)
    {
        _definitions = definitions;
        _values = new object?[definitions.Count];
        for (var i = 0; i < definitions.Count; i++)
        {
            _values[i] = InitialValue(definitions[i]);
        }
    }

    public bool TryGet(string idOrName, out object? value)
    {
        var index = IndexOf(idOrName);
        value = index < 0 ? null : _values[index];
        return index >= 0;
    }

    public bool TrySet(string idOrName, object? value)
    {
        var index = IndexOf(idOrName);
        if (index < 0)
        {
            return false;
        }

        _values[index] = ConvertTo(_definitions[index], value);
        return true;
    }

    /// <summary>Values by variable id (for snapshots).</summary>
    public Dictionary<string, object?> Export()
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < _definitions.Count; i++)
        {
            values[string.IsNullOrEmpty(_definitions[i].Id) ? _definitions[i].Name : _definitions[i].Id] = _values[i];
        }

        return values;
    }

    /// <summary>Restores values exported by <see cref="Export"/>, converting them back to the declared types.</summary>
    public void Import(IReadOnlyDictionary<string, object?> values)
    {
        foreach (var (key, value) in values)
        {
            TrySet(key, value);
        }
    }

    public IEnumerable<(VariableDefinition Definition, object? Value)> Entries()
    {
        for (var i = 0; i < _definitions.Count; i++)
        {
            yield return (_definitions[i], _values[i]);
        }
    }

    private int IndexOf(string idOrName)
    {
        for (var i = 0; i < _definitions.Count; i++)
        {
            if (string.Equals(_definitions[i].Id, idOrName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        for (var i = 0; i < _definitions.Count; i++)
        {
            if (string.Equals(_definitions[i].Name, idOrName, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The CLR type a variable holds.</summary>
    public static Type ClrType(VariableDefinition definition)
    {
        var element = TypeAliases.Resolve(definition.TypeName) ?? typeof(object);
        return definition.IsArray ? element.MakeArrayType() : element;
    }

    private static object? InitialValue(VariableDefinition definition)
    {
        if (definition.Value is null)
        {
            return DefaultOf(ClrType(definition));
        }

        var type = ClrType(definition);
        if (definition.Value.Length == 0 && type != typeof(string))
        {
            return DefaultOf(type);
        }

        return type == typeof(object) ? ValueConversion.Unwrap(TryParseJson(definition.Value)) : ConvertTo(definition, definition.Value);
    }

    private static object? TryParseJson(string text)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (System.Text.Json.JsonException)
        {
            return text;
        }
    }

    private static object? DefaultOf(Type type) => type.IsValueType ? Activator.CreateInstance(type) : null;

    private static object? ConvertTo(VariableDefinition definition, object? value)
    {
        var type = ClrType(definition);
        return type == typeof(object) ? ValueConversion.Unwrap(value) : ValueConversion.Convert(value, type);
    }
}
