using LowCodeErp.Workflows.Api.Models;

namespace LowCodeErp.Workflows.Api.Definitions;

/// <summary>
/// The links Studio reads to unlock editing (<c>publish</c> per item, <c>bulk-publish</c> on the list); hrefs are
/// relative to the API prefix, like Elsa's static linker. Only routes this API serves are linked.
/// </summary>
public static class DefinitionLinks
{
    /// <summary>Links of one definition.</summary>
    public static IReadOnlyList<Link> ForDefinition(string definitionId)
    {
        var path = $"/workflow-definitions/{Uri.EscapeDataString(definitionId)}";
        return
        [
            new($"/workflow-definitions/by-definition-id/{Uri.EscapeDataString(definitionId)}", "self", "GET"),
            new($"{path}/versions", "versions", "GET"),
            new($"{path}/dispatch", "dispatch", "POST"),
            new($"{path}/execute", "execute", "POST"),
            new($"{path}/export", "export", "GET"),
            new($"{path}/publish", "publish", "POST"),
            new($"{path}/retract", "retract", "POST"),
            new(path, "delete", "DELETE"),
        ];
    }

    /// <summary>Links of the definition list.</summary>
    public static IReadOnlyList<Link> ForList() =>
    [
        new("/workflow-definitions", "self", "GET"),
        new("/workflow-definitions/validation/is-name-unique", "is-name-unique", "GET"),
        new("/workflow-definitions/query/count", "count", "GET"),
        new("/workflow-definitions/many-by-id", "many-by-id", "GET"),
        new("/bulk-actions/delete/workflow-definitions/by-definition-id", "bulk-delete-by-definition-id", "POST"),
        new("/bulk-actions/delete/workflow-definitions/by-id", "bulk-delete-by-id", "POST"),
        new("/bulk-actions/publish/workflow-definitions/by-definition-ids", "bulk-publish", "POST"),
        new("/bulk-actions/retract/workflow-definitions/by-definition-ids", "bulk-retract", "POST"),
        new("/workflow-definitions/import", "import", "POST"),
        new("/workflow-definitions", "create", "POST"),
    ];
}
