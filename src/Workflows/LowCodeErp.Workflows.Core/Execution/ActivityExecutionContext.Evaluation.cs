using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Execution;

/// <summary>Expression evaluation for the activity's inputs.</summary>
public sealed partial class ActivityExecutionContext
{
    /// <inheritdoc />
    public async ValueTask<T?> EvaluateAsync<T>(Input<T>? input)
    {
        if (input is null)
        {
            return default;
        }

        if (input.HasCachedLiteral)
        {
            return (T?)input.CachedLiteral;
        }

        var expression = input.Expression;
        var value = await EvaluateAsync(expression, typeof(T));
        if (expression.Type == ExpressionTypes.Literal)
        {
            // Definitions are immutable: convert a literal once and reuse it in every run.
            input.CachedLiteral = value;
            input.HasCachedLiteral = true;
        }

        return (T?)value;
    }

    /// <inheritdoc />
    public ValueTask<object?> EvaluateAsync(Expression expression, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(expression);
        return WorkflowContext.Graph.Expressions.EvaluateAsync(expression, targetType, this);
    }

    /// <summary>Evaluates an untyped input.</summary>
    public async ValueTask<object?> EvaluateInputAsync(Input? input)
    {
        if (input is null)
        {
            return null;
        }

        return input.HasCachedLiteral ? input.CachedLiteral : await EvaluateAsync(input.Expression, input.ValueType);
    }
}
