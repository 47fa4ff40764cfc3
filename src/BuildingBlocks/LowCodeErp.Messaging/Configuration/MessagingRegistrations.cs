using MassTransit;

namespace LowCodeErp.Messaging.Configuration;

/// <summary>
/// Consumer registrations collected from every module before the bus is built, because MassTransit allows one
/// AddMassTransit call per container: the workflow runtime, a service's own consumers, … each add theirs here.
/// </summary>
internal sealed class MessagingRegistrations
{
    public List<Action<IBusRegistrationConfigurator>> Contributions { get; } = [];

    /// <summary>Set once AddErpMessaging has built the bus registration; later contributions would be lost.</summary>
    public bool Built { get; set; }
}
