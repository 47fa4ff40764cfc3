namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>Why a JavaScript evaluation failed.</summary>
public enum JavaScriptErrorKind
{
    /// <summary>The script does not parse.</summary>
    Syntax,
    /// <summary>The script threw, or called a helper with arguments it cannot use.</summary>
    Runtime,
    /// <summary>The script ran longer than <see cref="JavaScriptOptions.TimeLimit"/>.</summary>
    Timeout,
    /// <summary>The script executed more than <see cref="JavaScriptOptions.MaxStatements"/> statements.</summary>
    StatementLimit,
    /// <summary>The script allocated more than <see cref="JavaScriptOptions.MemoryLimit"/> bytes.</summary>
    MemoryLimit,
    /// <summary>The script nested calls deeper than <see cref="JavaScriptOptions.RecursionLimit"/>.</summary>
    RecursionLimit,
    /// <summary>The result (or a value handed to a helper) cannot be turned into a plain value.</summary>
    Conversion,
}

/// <summary>A JavaScript expression failed; the message names the activity and the cause.</summary>
public sealed class JavaScriptEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JavaScriptEvaluationException(JavaScriptErrorKind kind, string message, string? activityId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        ActivityId = activityId;
    }

    /// <summary>Why the evaluation failed.</summary>
    public JavaScriptErrorKind Kind { get; }

    /// <summary>The activity whose expression failed, when known.</summary>
    public string? ActivityId { get; }
}
