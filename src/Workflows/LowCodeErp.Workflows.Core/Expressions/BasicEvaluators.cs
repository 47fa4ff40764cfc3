using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Expressions;

/// <summary>Literal: the value itself.</summary>
public sealed class LiteralEvaluator : IExpressionEvaluator
{
    /// <inheritdoc />
    public string Type => ExpressionTypes.Literal;

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context) =>
        ValueTask.FromResult(expression.Value);
}

/// <summary>Object (and its obsolete alias Json): JSON text parsed into a value.</summary>
public sealed class ObjectEvaluator(string type) : IExpressionEvaluator
{
    /// <summary>The evaluator for <c>Object</c>.</summary>
    public ObjectEvaluator() : this(ExpressionTypes.Object)
    {
    }

    /// <inheritdoc />
    public string Type { get; } = type;

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context)
    {
        if (expression.Value is not string text)
        {
            return ValueTask.FromResult(expression.Value);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return ValueTask.FromResult<object?>(null);
        }

        using var document = JsonDocument.Parse(text);
        return ValueTask.FromResult(ValueConversion.FromElement(document.RootElement));
    }
}

/// <summary>Variable: the value is a variable reference (<c>{"id": ..., "name": ...}</c> as JSON text, or a bare id/name).</summary>
public sealed class VariableEvaluator : IExpressionEvaluator
{
    /// <inheritdoc />
    public string Type => ExpressionTypes.Variable;

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context)
    {
        var (id, name) = ReferenceParser.Parse(expression.Value);
        if (id is not null && context.TryGetVariable(id, out var byId))
        {
            return ValueTask.FromResult(byId);
        }

        if (name is not null && context.TryGetVariable(name, out var byName))
        {
            return ValueTask.FromResult(byName);
        }

        throw new InvalidOperationException($"Variable '{name ?? id}' is not declared in scope.");
    }
}

/// <summary>Input: the value names a workflow input (<c>{"name": ...}</c> as JSON text, or a bare name).</summary>
public sealed class InputEvaluator : IExpressionEvaluator
{
    /// <inheritdoc />
    public string Type => ExpressionTypes.Input;

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context)
    {
        var (_, name) = ReferenceParser.Parse(expression.Value);
        var inputs = context.FindInputScope();
        return ValueTask.FromResult(name is not null && inputs.TryGetValue(name, out var value) ? value : null);
    }
}

/// <summary>Reads the <c>{id, name}</c> references that Variable and Input expressions carry.</summary>
public static class ReferenceParser
{
    /// <summary>Returns the id and name of a reference value.</summary>
    public static (string? Id, string? Name) Parse(object? value)
    {
        switch (value)
        {
            case null:
                return (null, null);
            case string text when text.TrimStart().StartsWith('{'):
                using (var document = JsonDocument.Parse(text))
                {
                    return FromElement(document.RootElement);
                }

            case string text:
                return (text, text);
            case JsonElement element when element.ValueKind == JsonValueKind.Object:
                return FromElement(element);
            default:
                var unwrapped = ValueConversion.Unwrap(value);
                if (unwrapped is IDictionary<string, object?> map)
                {
                    return (map.TryGetValue("id", out var id) ? id?.ToString() : null, map.TryGetValue("name", out var name) ? name?.ToString() : null);
                }

                return (unwrapped?.ToString(), unwrapped?.ToString());
        }
    }

    private static (string? Id, string? Name) FromElement(JsonElement element)
    {
        string? Read(string property) =>
            element.EnumerateObject().FirstOrDefault(p => p.NameEquals(property) || string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v
                ? v.GetString()
                : null;

        return (Read("id"), Read("name"));
    }
}
