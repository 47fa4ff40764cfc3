namespace LowCodeErp.Workflows.Core.Model;

/// <summary>A flowchart edge from an activity's outcome port to another activity.</summary>
public sealed record Connection(Endpoint Source, Endpoint Target)
{
    /// <summary>Position in the definition's <c>connections</c> array (for error paths); not part of the format.</summary>
    public int? JsonIndex { get; init; }

    /// <summary>Designer bend points, kept verbatim.</summary>
    public System.Text.Json.Nodes.JsonArray? Vertices { get; init; }

    /// <summary>Stable key (used for visit counters).</summary>
    public string Key { get; } = $"{Source.ActivityId}:{Source.Port}->{Target.ActivityId}:{Target.Port}";

    /// <summary>Whether completing with <paramref name="outcomes"/> follows this connection. A null port means Done.</summary>
    public bool IsFollowedBy(IReadOnlyList<string> outcomes)
    {
        var port = string.IsNullOrEmpty(Source.Port) ? Abstractions.Outcomes.Done : Source.Port;
        for (var i = 0; i < outcomes.Count; i++)
        {
            if (string.Equals(outcomes[i], port, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One end of a connection.</summary>
public sealed record Endpoint(string ActivityId, string? Port);
