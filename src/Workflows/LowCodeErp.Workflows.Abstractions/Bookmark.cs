namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// A point where an instance waits for a stimulus (an event, a timer, a person). Shape of Elsa's bookmark; the hash is
/// SHA-256 over <c>name|payload json[|activity instance id]</c> so stimuli find their bookmarks by index.
/// </summary>
public sealed class Bookmark
{
    /// <summary>Bookmark id (used to resume it directly).</summary>
    public string Id { get; set; } = "";
    /// <summary>Stimulus name, e.g. <c>Elsa.Event</c>.</summary>
    public string Name { get; set; } = "";
    /// <summary>Hash of name + payload (+ activity instance id).</summary>
    public string Hash { get; set; } = "";
    /// <summary>Stimulus payload (e.g. <c>{"EventName": "Approved"}</c>).</summary>
    public object? Payload { get; set; }
    /// <summary>Id of the activity that waits.</summary>
    public string ActivityId { get; set; } = "";
    /// <summary>Node id of the activity that waits.</summary>
    public string ActivityNodeId { get; set; } = "";
    /// <summary>Id of the activity execution that waits.</summary>
    public string ActivityInstanceId { get; set; } = "";
    /// <summary>When the bookmark was created.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Remove the bookmark once resumed (default).</summary>
    public bool AutoBurn { get; set; } = true;
    /// <summary>Optional name of the resume callback (kept for Elsa compatibility).</summary>
    public string? CallbackMethodName { get; set; }
    /// <summary>Free-form data.</summary>
    public Dictionary<string, string>? Metadata { get; set; }
}

/// <summary>What an activity asks for when it blocks.</summary>
/// <param name="Name">Stimulus name; defaults to the activity type.</param>
/// <param name="Payload">Stimulus payload that, with the name, forms the hash.</param>
/// <param name="IncludeActivityInstanceId">Whether the hash is unique to this execution (false for Event/RunTask).</param>
/// <param name="AutoBurn">Remove on resume.</param>
public sealed record BookmarkRequest(string? Name = null, object? Payload = null, bool IncludeActivityInstanceId = true, bool AutoBurn = true);
