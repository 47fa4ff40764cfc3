using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Scripting;

/// <summary>Runs a script in the JavaScript sandbox; <c>setOutcome(s)</c> picks the ports.</summary>
[Activity("Elsa", "RunJavaScript", Category = "Scripting", DisplayName = "Run JavaScript", Description = "Executes JavaScript code.")]
public sealed class RunJavaScript : CodeActivity
{
    /// <summary>The script.</summary>
    [Input(Description = "The script to run.", UIHint = UIHints.CodeEditor, DefaultSyntax = ExpressionTypes.JavaScript, AutoEvaluate = false)]
    public Input<string>? Script { get; set; }

    /// <summary>Outcomes the script may set (drawn as ports).</summary>
    [Input(Description = "A list of possible outcomes.", UIHint = UIHints.DynamicOutcomes)]
    public Input<List<string>>? PossibleOutcomes { get; set; }

    /// <summary>The script's value.</summary>
    [Output(Description = "The result of the script.")]
    public Output<object> Result { get; set; } = new();

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        // The script text is the input's literal; a JavaScript-typed input holds the script itself.
        var script = Script?.Expression.Value as string;
        if (string.IsNullOrWhiteSpace(script))
        {
            return;
        }

        var result = await context.EvaluateAsync(Expression.JavaScript(script), typeof(object));
        context.Set(Result, result);
    }
}
