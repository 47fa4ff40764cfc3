namespace LowCodeErp.Workflows.Core.Expressions.Liquid;

/// <summary>A Liquid template does not parse or failed to render; the message names the activity and the cause.</summary>
public sealed class LiquidEvaluationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LiquidEvaluationException(string message, string? activityId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ActivityId = activityId;
    }

    /// <summary>The activity whose template failed, when known.</summary>
    public string? ActivityId { get; }
}
