using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Activities.Http;

// Inputs Elsa's HttpEndpoint declares (research §2.6) that are kept so definitions from Elsa Studio load and round-trip
// unchanged. None is enforced yet and none takes part in the hash; the extra outcomes they expose are never taken.
public sealed partial class HttpEndpoint
{
    /// <summary>Request timeout (not enforced yet).</summary>
    [Input(Description = "The maximum time allowed to process the request.", Category = "Security")]
    public Input<TimeSpan>? RequestTimeout { get; set; }

    /// <summary>Request size limit in bytes (not enforced yet; the host refuses bodies above 1 MB).</summary>
    [Input(Description = "The maximum request size allowed in bytes.", Category = "Security")]
    public Input<long>? RequestSizeLimit { get; set; }

    /// <summary>File size limit in bytes (not enforced yet; uploads are not parsed).</summary>
    [Input(Description = "The maximum size allowed for uploaded files in bytes.", Category = "Upload")]
    public Input<long>? FileSizeLimit { get; set; }

    /// <summary>Allowed file extensions (not enforced yet).</summary>
    [Input(Description = "Only file extensions in this list are allowed.", Category = "Upload", UIHint = UIHints.MultiText)]
    public Input<List<string>>? AllowedFileExtensions { get; set; }

    /// <summary>Blocked file extensions (not enforced yet).</summary>
    [Input(Description = "File extensions in this list are forbidden.", Category = "Upload", UIHint = UIHints.MultiText)]
    public Input<List<string>>? BlockedFileExtensions { get; set; }

    /// <summary>Allowed MIME types (not enforced yet).</summary>
    [Input(Description = "Only MIME types in this list are allowed.", Category = "Upload", UIHint = UIHints.MultiText)]
    public Input<List<string>>? AllowedMimeTypes { get; set; }

    /// <summary>Would expose a "Request too large" outcome (accepted, not used yet).</summary>
    [Input(Description = "Expose the Request too large outcome.", Category = "Outcomes", DefaultValue = false)]
    public Input<bool>? ExposeRequestTooLargeOutcome { get; set; }

    /// <summary>Would expose a "File too large" outcome (accepted, not used yet).</summary>
    [Input(Description = "Expose the File too large outcome.", Category = "Outcomes", DefaultValue = false)]
    public Input<bool>? ExposeFileTooLargeOutcome { get; set; }

    /// <summary>Would expose an "Invalid file extension" outcome (accepted, not used yet).</summary>
    [Input(Description = "Expose the Invalid file extension outcome.", Category = "Outcomes", DefaultValue = false)]
    public Input<bool>? ExposeInvalidFileExtensionOutcome { get; set; }

    /// <summary>Would expose an "Invalid file MIME type" outcome (accepted, not used yet).</summary>
    [Input(Description = "Expose the Invalid file MIME type outcome.", Category = "Outcomes", DefaultValue = false)]
    public Input<bool>? ExposeInvalidFileMimeTypeOutcome { get; set; }
}
