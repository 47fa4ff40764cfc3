using LowCodeErp.HumanTasks.Live;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Web.Auth;
using LowCodeErp.Web.Diagrams;
using LowCodeErp.Web.Inbox;
using LowCodeErp.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace LowCodeErp.Web;

/// <summary>Registers the staff web application (call <c>AddHumanTasks</c> as well).</summary>
public static class ErpWebServiceCollectionExtensions
{
    /// <summary>
    /// Razor components with the interactive server render mode, MudBlazor, the page policy
    /// (<see cref="PagePolicies.SignedInPage"/>), the inbox's per-circuit services and the in-process task change feed.
    /// </summary>
    public static IServiceCollection AddErpWeb(this IServiceCollection services, Action<ErpWebOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ErpWebOptions();
        configure?.Invoke(options);
        var registered = services.AddOptions<ErpWebOptions>();
        if (configure is not null)
        {
            registered.Configure(configure);
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddCascadingAuthenticationState();
        // The one page policy of the ERP's browser pages (Studio's host pages use it too in the embedded server).
        services.AddAuthorizationBuilder().AddSignedInPagePolicy(options.AuthenticationScheme);

        // The host may know better how a signed-in user becomes the token contract's principal (roles, permissions).
        services.TryAddSingleton<IErpUserClaims, SignedInPrincipalClaims>();
        services.AddScoped<InboxUser>();
        services.AddScoped<InboxTasks>();
        services.AddScoped<TaskFlowDiagrams>();
        services.Replace(ServiceDescriptor.Singleton<ITaskChangeNotifier>(sp => sp.GetRequiredService<InProcessTaskChanges>()));
        services.AddSingleton<InProcessTaskChanges>();
        services.AddSingleton<ITaskChangeFeed>(sp => sp.GetRequiredService<InProcessTaskChanges>());
        return services;
    }
}
