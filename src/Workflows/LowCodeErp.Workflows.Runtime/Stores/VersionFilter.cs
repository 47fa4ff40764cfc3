using System.Linq.Expressions;
using LowCodeErp.Workflows.Core.Model;
using LowCodeErp.Workflows.Runtime.Persistence;

namespace LowCodeErp.Workflows.Runtime.Stores;

/// <summary>VersionOptions as a SQL-translatable predicate (Core's <c>Matches</c> works on loaded definitions only).</summary>
internal static class VersionFilter
{
    public static Expression<Func<WorkflowDefinitionRecord, bool>> For(VersionOptions options) => options.Kind switch
    {
        "Published" => d => d.IsPublished,
        "Latest" => d => d.IsLatest,
        "LatestOrPublished" or "LatestAndPublished" => d => d.IsLatest || d.IsPublished,
        "Draft" => d => !d.IsPublished,
        "SpecificVersion" => SpecificVersion(options.Version),
        "AllVersions" => d => true,
        _ => d => false,
    };

    private static Expression<Func<WorkflowDefinitionRecord, bool>> SpecificVersion(int version) => d => d.Version == version;
}
