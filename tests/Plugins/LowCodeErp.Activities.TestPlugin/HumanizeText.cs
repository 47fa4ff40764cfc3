using Humanizer;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Activities.TestPlugin;

/// <summary>Turns an identifier into a sentence with the plugin's private Humanizer copy.</summary>
[Activity("Acme.Test", "HumanizeText", Category = "Acme Test", Description = "Turns an identifier into a sentence.")]
public sealed class HumanizeText : CodeActivity
{
    [Input(Description = "An identifier such as order_total_amount.", IsRequired = true)]
    public Input<string>? Text { get; set; }

    [Output(Description = "The sentence.")]
    public Output<string> Result { get; set; } = new();

    public override async ValueTask ExecuteAsync(IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var text = await context.EvaluateAsync(Text) ?? "";
        context.Set(Result, context.GetRequiredService<Phrasebook>().Prefix + text.Humanize());
    }
}
