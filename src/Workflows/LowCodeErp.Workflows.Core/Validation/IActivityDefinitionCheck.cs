using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Serialization;

namespace LowCodeErp.Workflows.Core.Validation;

/// <summary>
/// A validation step a plugin adds for its own activities (e.g. rules: a port that names no SuccessEvent of the rule
/// set). Registered in DI; <see cref="WorkflowValidator"/> calls every check for every activity it visits.
/// </summary>
public interface IActivityDefinitionCheck
{
    /// <summary>Problems of <paramref name="activity"/>, whose JSON path is <paramref name="path"/>; empty when none.</summary>
    IEnumerable<DefinitionError> Check(Activity activity, string path);
}
