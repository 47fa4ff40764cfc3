namespace LowCodeErp.HumanTasks.Api;

/// <summary>How a task operation ended; the API turns it into a status code.</summary>
public enum TaskOperationStatus
{
    /// <summary>Done.</summary>
    Ok,
    /// <summary>No such task (404).</summary>
    NotFound,
    /// <summary>Not allowed for this user (403).</summary>
    Forbidden,
    /// <summary>The task changed meanwhile or is in the wrong state (409).</summary>
    Conflict,
    /// <summary>Bad input (400 with field errors).</summary>
    Invalid,
}

/// <summary>The outcome of a task operation.</summary>
public sealed record TaskOperationResult(TaskOperationStatus Status, string? Detail = null, IDictionary<string, string[]>? Errors = null)
{
    /// <summary>Success.</summary>
    public static readonly TaskOperationResult Ok = new(TaskOperationStatus.Ok);
    /// <summary>404.</summary>
    public static readonly TaskOperationResult NotFound = new(TaskOperationStatus.NotFound);
    /// <summary>403.</summary>
    public static TaskOperationResult Forbidden(string detail) => new(TaskOperationStatus.Forbidden, detail);
    /// <summary>409.</summary>
    public static TaskOperationResult Conflict(string detail) => new(TaskOperationStatus.Conflict, detail);
    /// <summary>400.</summary>
    public static TaskOperationResult Invalid(IDictionary<string, string[]> errors) => new(TaskOperationStatus.Invalid, Errors: errors);
    /// <summary>400 for one field.</summary>
    public static TaskOperationResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
