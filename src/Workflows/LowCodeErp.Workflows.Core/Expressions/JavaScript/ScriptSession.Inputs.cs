using Jint.Runtime.Interop;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>Workflow input accessors: <c>get&lt;Input&gt;()</c> for supplied and declared inputs.</summary>
internal sealed partial class ScriptSession
{
    private IEnumerable<string> InputNames()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in _context.FindInputScope().Keys)
        {
            if (seen.Add(key))
            {
                yield return key;
            }
        }

        foreach (var input in _context.EnclosingGraph().Definition.Inputs)
        {
            if (seen.Add(input.Name))
            {
                yield return input.Name;
            }
        }
    }

    private string? FindInputByAccessor(ReadOnlySpan<char> accessor)
    {
        var inputs = _context.FindInputScope();
        if (inputs.Count > 0)
        {
            var exact = accessor.ToString();
            if (inputs.ContainsKey(exact))
            {
                return exact;
            }

            foreach (var key in inputs.Keys)
            {
                if (AccessorName.Matches(key, accessor))
                {
                    return key;
                }
            }
        }

        // Declared inputs have accessors even when the caller did not supply them (they read null).
        foreach (var input in _context.EnclosingGraph().Definition.Inputs)
        {
            if (AccessorName.Matches(input.Name, accessor))
            {
                return input.Name;
            }
        }

        return null;
    }

    private object? ReadInput(string name)
    {
        var inputs = _context.FindInputScope();
        if (inputs.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, item) in inputs)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }
        }

        return null;
    }

    private ClrFunction CreateInputGetter(string name, string inputName) =>
        new(_engine, name, (_, _) => JsValueConverter.ToJs(_engine, ReadInput(inputName)));
}
