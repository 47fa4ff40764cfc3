namespace LowCodeErp.Workflows.Runtime;

/// <summary>Another executor saved the instance after it was loaded here; this save lost the race and wrote nothing.</summary>
public sealed class ConcurrencyConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ConcurrencyConflictException() : this("", null) { }

    /// <summary>Creates the exception with a message.</summary>
    public ConcurrencyConflictException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the provider's exception.</summary>
    public ConcurrencyConflictException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>The instance.</summary>
    public string InstanceId { get; init; } = "";

    /// <summary>For an instance.</summary>
    public static ConcurrencyConflictException ForInstance(string instanceId, Exception? inner = null) =>
        new($"Workflow instance '{instanceId}' was changed by another executor since it was loaded.", inner) { InstanceId = instanceId };
}
