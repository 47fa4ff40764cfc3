using System.Text.Json;

namespace LowCodeErp.HumanTasks.Engine;

/// <summary>
/// What the inbox resumes a task's bookmark with (already authorized and validated by the API). The keys are the
/// resume input's; the activity reads them back with <see cref="FromResumeInput"/>.
/// </summary>
public sealed record TaskCompletion(string TaskId, string Outcome, JsonElement Data, string? Comment, string CompletedBy)
{
    /// <summary>The resume input for the engine.</summary>
    public IReadOnlyDictionary<string, object?> ToResumeInput() => new Dictionary<string, object?>
    {
        ["TaskId"] = TaskId, ["Outcome"] = Outcome, ["Data"] = Data, ["Comment"] = Comment, ["CompletedBy"] = CompletedBy,
    };

    /// <summary>Reads a completion back; null when the input is not one (e.g. a timer resumed the activity).</summary>
    public static TaskCompletion? FromResumeInput(IReadOnlyDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.GetValueOrDefault("TaskId") is not string taskId || input.GetValueOrDefault("Outcome") is not string outcome)
        {
            return null;
        }

        var data = input.GetValueOrDefault("Data") switch
        {
            JsonElement element => element,
            null => JsonSerializer.SerializeToElement(new Dictionary<string, object?>()),
            var other => JsonSerializer.SerializeToElement(other),
        };
        return new TaskCompletion(taskId, outcome, data, input.GetValueOrDefault("Comment") as string,
            input.GetValueOrDefault("CompletedBy") as string ?? "");
    }
}
