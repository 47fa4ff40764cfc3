using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Execution;

namespace LowCodeErp.Workflows.Core.Expressions;

/// <summary>Evaluates one expression type (Literal, JavaScript, Liquid, …).</summary>
public interface IExpressionEvaluator
{
    /// <summary>The expression type name this evaluator handles, e.g. <c>JavaScript</c>.</summary>
    string Type { get; }

    /// <summary>Evaluates <paramref name="expression"/> for the activity execution <paramref name="context"/>.
    /// The result need not be of <paramref name="targetType"/> yet; the engine converts it.</summary>
    ValueTask<object?> EvaluateAsync(Expression expression, Type targetType, ActivityExecutionContext context);
}

/// <summary>Describes an expression type for Studio and the validator.</summary>
public sealed record ExpressionDescriptor(string Type, string DisplayName, bool IsSerializable = true, bool IsBrowsable = true, string? MonacoLanguage = null);
