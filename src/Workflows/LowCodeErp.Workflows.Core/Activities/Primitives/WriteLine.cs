using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Primitives;

/// <summary>Writes a line of text to the host's standard output.</summary>
[Activity("Elsa", "WriteLine", Category = "Primitives", DisplayName = "Write Line", Description = "Write a line of text to the console.")]
public sealed class WriteLine : CodeActivity
{
    /// <summary>The text to write.</summary>
    [Input(Description = "The text to write.")]
    public Input<string>? Text { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        var text = await context.EvaluateAsync(Text);
        await context.Workflow.StandardOutput.WriteLineAsync(text);
    }
}
