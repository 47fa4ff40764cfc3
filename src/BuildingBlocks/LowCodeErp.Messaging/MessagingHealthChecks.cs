namespace LowCodeErp.Messaging;

/// <summary>
/// AddErpMessaging registers MassTransit's bus health check under these names; ServiceDefaults' <c>/health/ready</c>
/// (which runs checks tagged "ready") picks it up without referencing this project.
/// </summary>
public static class MessagingHealthChecks
{
    /// <summary>The tag of readiness checks.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The name of the bus check in health reports.</summary>
    public const string BusCheckName = "bus";
}
