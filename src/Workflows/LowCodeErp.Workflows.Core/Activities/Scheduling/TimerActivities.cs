using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Scheduling;

/// <summary>Bookmark payload of Delay and Timer: when to resume.</summary>
public sealed record ResumeAtPayload(DateTimeOffset ResumeAt);

/// <summary>Bookmark payload of Cron and StartAt: when to run.</summary>
public sealed record ExecuteAtPayload(DateTimeOffset ExecuteAt, string? CronExpression = null);

/// <summary>Waits for a duration. The bookmark carries the due time; the runtime's timer service resumes it.</summary>
[Activity("Elsa", "Delay", Category = "Scheduling", Description = "Delay execution for the specified amount of time.")]
public sealed class Delay : Activity
{
    /// <summary>How long to wait.</summary>
    [Input(Description = "The amount of time to delay execution.", DefaultValue = "00:01:00")]
    public Input<TimeSpan> TimeSpan { get; set; } = new(System.TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var due = context.Workflow.Clock.GetUtcNow() + await context.EvaluateAsync(TimeSpan);
        context.CreateBookmark(new BookmarkRequest("Elsa.Delay", new ResumeAtPayload(due)));
    }
}

/// <summary>As a trigger, starts an instance every interval; inside a flow, waits one interval.</summary>
[Activity("Elsa", "Timer", Category = "Scheduling", Kind = ActivityKind.Trigger, Description = "Trigger workflow execution at a specific interval.")]
public sealed class Timer : Activity, ITrigger
{
    /// <summary>The interval.</summary>
    [Input(Description = "The interval at which the timer should execute.", DefaultValue = "00:01:00")]
    public Input<TimeSpan> Interval { get; set; } = new(TimeSpan.FromMinutes(1));

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.Workflow.TryConsumeTrigger(Id))
        {
            await context.CompleteAsync();
            return;
        }

        var due = context.Workflow.Clock.GetUtcNow() + await context.EvaluateAsync(Interval);
        context.CreateBookmark(new BookmarkRequest("Elsa.Timer", new ResumeAtPayload(due)));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<object>> GetTriggerPayloadsAsync(IActivityExecutionContext context) =>
        [new ResumeAtPayload(context.Workflow.Clock.GetUtcNow() + await context.EvaluateAsync(Interval))];
}

/// <summary>Runs on a cron schedule (Cronos syntax, 5 or 6 fields).</summary>
[Activity("Elsa", "Cron", Category = "Scheduling", Kind = ActivityKind.Trigger, Description = "Trigger workflow execution on a cron schedule.")]
public sealed class Cron : Activity, ITrigger
{
    /// <summary>The cron expression.</summary>
    [Input(Description = "The cron expression (5 fields, or 6 with seconds).", IsRequired = true)]
    public Input<string>? CronExpression { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.Workflow.TryConsumeTrigger(Id))
        {
            await context.CompleteAsync();
            return;
        }

        context.CreateBookmark(new BookmarkRequest("Elsa.Cron", await NextAsync(context)));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<object>> GetTriggerPayloadsAsync(IActivityExecutionContext context) => [await NextAsync(context)];

    private async ValueTask<ExecuteAtPayload> NextAsync(IActivityExecutionContext context)
    {
        var text = await context.EvaluateAsync(CronExpression) ?? throw new InvalidOperationException("Cron needs an expression.");
        var format = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? Cronos.CronFormat.IncludeSeconds : Cronos.CronFormat.Standard;
        var next = Cronos.CronExpression.Parse(text, format).GetNextOccurrence(context.Workflow.Clock.GetUtcNow(), TimeZoneInfo.Utc)
                   ?? throw new InvalidOperationException($"Cron expression '{text}' has no next occurrence.");
        return new ExecuteAtPayload(next, text);
    }
}

/// <summary>Waits until a moment (or, as a trigger, starts an instance then).</summary>
[Activity("Elsa", "StartAt", Category = "Scheduling", Kind = ActivityKind.Trigger, DisplayName = "Start At", Description = "Trigger workflow execution at a specific time.")]
public sealed class StartAt : Activity, ITrigger
{
    /// <summary>When.</summary>
    [Input(Description = "The moment to run.", IsRequired = true)]
    public Input<DateTimeOffset>? DateTime { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        if (context.Workflow.TryConsumeTrigger(Id))
        {
            await context.CompleteAsync();
            return;
        }

        context.CreateBookmark(new BookmarkRequest("Elsa.StartAt", new ExecuteAtPayload(await context.EvaluateAsync(DateTime))));
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<object>> GetTriggerPayloadsAsync(IActivityExecutionContext context) =>
        [new ExecuteAtPayload(await context.EvaluateAsync(DateTime))];
}
