namespace LowCodeErp.Workflows.Runtime.Dispatch;

// Commands the workflow servers send to themselves over the bus: whichever replica takes one runs it (competing
// consumers). They are the workflow module's own commands, not integration events, so they live with the runtime.
// Inputs travel as JSON text: their values are whatever a caller posted, and JSON is what every transport carries.

/// <summary>Run the first burst of an instance whose start marker is already saved.</summary>
public sealed record RunWorkflowInstance(string InstanceId);

/// <summary>Resume one bookmark; a bookmark resumed meanwhile is not an error (the command is then done).</summary>
public sealed record ResumeWorkflowBookmark(string BookmarkId, string? InputJson);

/// <summary>Deliver an <c>Elsa.Event</c>: resume the instances waiting for it and start the definitions it triggers.</summary>
public sealed record DeliverWorkflowEvent(string EventName, string? CorrelationId, string? InputJson);
