using Jint;
using Jint.Native;
using Jint.Runtime;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>Outcome requests: <c>setOutcome</c> and <c>setOutcomes</c>.</summary>
internal sealed partial class ScriptSession
{
    /// <summary>Like Elsa, each setOutcome/setOutcomes call replaces what an earlier call requested.</summary>
    private void ReplaceOutcomes(List<string> outcomes)
    {
        _context.RequestedOutcomes?.Clear();
        _context.RequestOutcomes(outcomes);
    }

    private static List<string> Outcomes(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return [];
        }

        if (!value.IsArray())
        {
            return [TypeConverter.ToString(value)];
        }

        var array = value.AsArray();
        var outcomes = new List<string>((int)array.Length);
        for (uint i = 0; i < array.Length; i++)
        {
            if (array[i] is { } item && !item.IsNull() && !item.IsUndefined())
            {
                outcomes.Add(TypeConverter.ToString(item));
            }
        }

        return outcomes;
    }
}
