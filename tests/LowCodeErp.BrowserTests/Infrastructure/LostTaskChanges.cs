using LowCodeErp.HumanTasks.Live;
using LowCodeErp.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LowCodeErp.BrowserTests.Infrastructure;

/// <summary>
/// The server's live task notifications with a switch that loses them, as a notification lost between replicas would
/// be: open pages then act on what they last showed, which is how a user meets the task service's 409.
/// </summary>
public sealed class LostTaskChanges(InProcessTaskChanges pages) : ITaskChangeNotifier
{
    /// <summary>While true, no open page hears of any change.</summary>
    public bool Losing { get; set; }

    public void Notify(IReadOnlyList<TaskChanged> changes)
    {
        if (!Losing)
        {
            pages.Notify(changes);
        }
    }

    /// <summary>For <see cref="StudioServer"/>'s configureServices: puts this between the task store and the pages.</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddSingleton(sp => new LostTaskChanges(sp.GetRequiredService<InProcessTaskChanges>()));
        services.Replace(ServiceDescriptor.Singleton<ITaskChangeNotifier>(sp => sp.GetRequiredService<LostTaskChanges>()));
    }
}
