using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Web.Components;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LowCodeErp.Web;

/// <summary>Maps the staff web application: <c>/inbox</c>, its circuit and assets, and <c>/</c> as a way in.</summary>
public static class ErpWebEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Antiforgery (Razor component endpoints require it), the pages behind <see cref="PagePolicies.SignedInPage"/>
    /// (a visitor who is not signed in is sent to the login page), <c>POST /inbox/sign-out</c> and a redirect from
    /// <c>/</c> to the inbox. Call after authentication and authorization are in the pipeline.
    /// </summary>
    public static WebApplication MapErpWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous(); // framework and MudBlazor files: public, and the login page may need them
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .RequireAuthorization(PagePolicies.SignedInPage);
        app.MapGet("/", () => TypedResults.Redirect("/inbox")).AllowAnonymous().ExcludeFromDescription();
        // Anonymous on purpose: signing out without a session is harmless, and the antiforgery token stops other sites.
        app.MapPost("/inbox/sign-out", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute()).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, IOptions<ErpWebOptions> options)
    {
        await context.SignOutAsync(options.Value.AuthenticationScheme);
        return TypedResults.LocalRedirect("/inbox");
    }
}
