using LowCodeErp.Rules.Model;
using LowCodeErp.Rules.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace LowCodeErp.Rules.Engine;

/// <summary>
/// Compiles a rule set for the input shapes it will see by evaluating it once per shape: the inputs of its test cases
/// and of the most recent recorded evaluations (real traffic). RulesEngine compiles per input type, so one evaluation
/// per distinct shape is all the warming there is.
/// </summary>
public sealed class RuleWarmer(EvaluationRecorder recorder, ILogger<RuleWarmer> logger)
{
    /// <summary>Recorded evaluations sampled for shapes.</summary>
    public const int RecentSamples = 20;

    /// <summary>Warms <paramref name="ruleSet"/>; a failing sample is logged, never thrown (it will be an incident when really evaluated).</summary>
    public async Task WarmAsync(CompiledRuleSet ruleSet, string? tests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var samples = new List<IReadOnlyDictionary<string, object?>>();
        if (tests is not null && RuleTestSuite.Parse(tests) is { Errors.Count: 0 } suite)
        {
            samples.AddRange(suite.Cases.Select(c => (IReadOnlyDictionary<string, object?>)RuleInputs.Normalize(c.Inputs)));
        }

        // Queued records are the newest traffic; write them first so their shapes are among the samples.
        try
        {
            await recorder.FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is DbUpdateException or InvalidOperationException)
        {
            // Recording is best effort; the samples already written still warm.
            logger.LogWarning(exception, "Warming {Name} v{Version}: queued evaluations could not be written.", ruleSet.Name, ruleSet.Version);
        }

        foreach (var recorded in await recorder.RecentAsync(ruleSet.Name, RecentSamples, cancellationToken))
        {
            samples.Add(RuleInputs.Normalize(recorded.Inputs));
        }

        foreach (var sample in samples)
        {
            try
            {
                await ruleSet.EvaluateAsync(sample);
            }
            catch (RuleEvaluationException exception)
            {
                logger.LogWarning("Warming {Name} v{Version}: {Message}", ruleSet.Name, ruleSet.Version, exception.Message);
            }
        }
    }
}
