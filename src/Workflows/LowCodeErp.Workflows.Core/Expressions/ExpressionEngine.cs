using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Expressions;

/// <summary>Dispatches an expression to the evaluator of its type and converts the result to the wanted type.</summary>
public sealed class ExpressionEngine
{
    private readonly Dictionary<string, IExpressionEvaluator> _evaluators;

    /// <summary>Creates the engine from the registered evaluators.</summary>
    public ExpressionEngine(IEnumerable<IExpressionEvaluator> evaluators)
    {
        _evaluators = new Dictionary<string, IExpressionEvaluator>(StringComparer.OrdinalIgnoreCase);
        foreach (var evaluator in evaluators)
        {
            _evaluators[evaluator.Type] = evaluator;
        }
    }

    /// <summary>Expression types that are part of the format but refused here (security and cold-start cost).</summary>
    public static IReadOnlySet<string> RejectedTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ExpressionTypes.CSharp,
        ExpressionTypes.Python,
    };

    /// <summary>Whether an expression type can be evaluated.</summary>
    public bool Supports(string type) => _evaluators.ContainsKey(type);

    /// <summary>The supported expression types.</summary>
    public IEnumerable<string> SupportedTypes => _evaluators.Keys;

    /// <summary>Evaluates and converts.</summary>
    public async ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var type = string.IsNullOrEmpty(expression.Type) ? ExpressionTypes.Literal : expression.Type;
        if (!_evaluators.TryGetValue(type, out var evaluator))
        {
            throw new NotSupportedException(RejectedTypes.Contains(type)
                ? $"{type} expressions are not supported by this engine; use JavaScript or Liquid."
                : $"Unknown expression type '{type}'.");
        }

        var value = await evaluator.EvaluateAsync(expression, targetType, context);
        return ValueConversion.Convert(value, targetType);
    }
}
