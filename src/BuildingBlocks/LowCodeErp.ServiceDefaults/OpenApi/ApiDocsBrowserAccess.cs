using LowCodeErp.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LowCodeErp.ServiceDefaults.OpenApi;

/// <summary>Gives Scalar the signed-in browser user's access token, so "Send" in its request panel just works.</summary>
public interface IApiDocsAccessTokenProvider
{
    /// <summary>A short-lived access token for the user of <paramref name="context"/>, or null.</summary>
    ValueTask<string?> GetAccessTokenAsync(HttpContext context);
}

/// <summary>
/// A person opening <c>/scalar/v1</c> in a browser has a login cookie, not a bearer token. In a process that also hosts
/// the sign-in (the embedded shape), the API description additionally accepts that cookie: a request with an
/// <c>Authorization</c> header is judged by its token as before; one carrying the cookie, or a page navigation
/// (<c>Accept: text/html</c>), by the cookie, so an anonymous browser is sent to the login page while an anonymous
/// script still gets 401. Only the read-only description opens this way; every API keeps requiring a token, so a cookie
/// can never be used for cross-site requests against them.
/// </summary>
public static class ApiDocsBrowserAccess
{
    /// <summary>The forwarding scheme behind <see cref="PermissionPolicies.ApiDocs"/> once browser sign-in is on.</summary>
    public const string Scheme = "erp-api-docs";

    /// <summary>Lets users signed in with <paramref name="cookieScheme"/> read the OpenAPI document and Scalar.</summary>
    public static IServiceCollection AddApiDocsBrowserSignIn(this IServiceCollection services, string cookieScheme)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cookieScheme);
        services.AddAuthentication().AddPolicyScheme(Scheme, "API description (token or login cookie)", options =>
            options.ForwardDefaultSelector = context => Select(context, cookieScheme));
        services.Configure<AuthorizationOptions>(options => options.AddPolicy(PermissionPolicies.ApiDocs, policy => policy
            .AddAuthenticationSchemes(Scheme)
            .RequireAuthenticatedUser()));
        return services;
    }

    private static string Select(HttpContext context, string cookieScheme)
    {
        var request = context.Request;
        if (request.Headers.Authorization.Count > 0)
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        var cookieName = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(cookieScheme).Cookie.Name;
        var hasCookie = cookieName is not null && request.Cookies.ContainsKey(cookieName);
        var isPageNavigation = request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
        return hasCookie || isPageNavigation ? cookieScheme : JwtBearerDefaults.AuthenticationScheme;
    }
}
