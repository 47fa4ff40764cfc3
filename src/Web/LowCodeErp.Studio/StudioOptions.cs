namespace LowCodeErp.Studio;

/// <summary>Configuration section <c>Studio</c>.</summary>
public sealed class StudioOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Studio";

    /// <summary>
    /// Folder holding the unpacked <c>@elsa-workflows/elsa-studio-wasm</c> package. Empty: <c>elsa-studio/</c> beside the
    /// application, else the folder the build installed it into (<c>node_modules/</c> of this project).
    /// </summary>
    public string? AssetsPath { get; set; }

    /// <summary>The Elsa API Studio talks to, relative to the host's path base.</summary>
    public string ApiPath { get; set; } = "/elsa/api";

    /// <summary>The authorization policy of the host pages; empty = any authenticated user.</summary>
    public string? PagePolicy { get; set; }
}
