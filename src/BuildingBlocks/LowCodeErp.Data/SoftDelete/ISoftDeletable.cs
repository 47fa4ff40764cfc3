namespace LowCodeErp.Data.SoftDelete;

/// <summary>
/// An entity that is never physically removed: deleting it through EF Core sets these two properties instead, and the
/// "SoftDelete" query filter hides it. <c>IgnoreQueryFilters()</c> shows it again; <see cref="SoftDeleteExtensions.Restore"/>
/// brings it back.
/// </summary>
public interface ISoftDeletable
{
    /// <summary>When the entity was deleted; null while it is live.</summary>
    DateTimeOffset? DeletedAt { get; set; }

    /// <summary>The user id (<c>sub</c>) that deleted it, or "system" for work without a signed-in user.</summary>
    string? DeletedBy { get; set; }
}
