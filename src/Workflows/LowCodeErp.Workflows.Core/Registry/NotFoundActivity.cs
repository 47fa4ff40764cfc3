using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Registry;

/// <summary>Stands in for an activity of an unknown type so the definition round-trips; it never runs (validation fails first).</summary>
[Activity("Elsa", "NotFoundActivity", Category = "Internal", IsBrowsable = false)]
public sealed class NotFoundActivity : Activity
{
    /// <summary>The unknown type name.</summary>
    public string MissingTypeName { get; set; } = "";

    /// <summary>The activity JSON as read.</summary>
    public JsonElement OriginalActivityJson { get; set; }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(IActivityExecutionContext context) =>
        throw new InvalidOperationException($"Activity type '{MissingTypeName}' is not known to this engine.");
}
