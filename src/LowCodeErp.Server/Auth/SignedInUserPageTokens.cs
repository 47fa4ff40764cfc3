using LowCodeErp.Identity;
using LowCodeErp.Identity.Sessions;
using LowCodeErp.ServiceDefaults.OpenApi;
using LowCodeErp.Studio.Auth;
using Microsoft.AspNetCore.Authorization;

namespace LowCodeErp.Server.Auth;

/// <summary>
/// Browser pages of the embedded shape (Elsa Studio, Scalar): they need the login cookie of the single sign-on service
/// (<see cref="PagePolicies.SignedInPage"/>: anonymous visitors are sent to <c>/account/login</c>), and each page gets a short-lived access token of the signed-in
/// user to call the APIs with.
/// </summary>
public sealed class SignedInUserPageTokens : IStudioAccessTokenProvider, IApiDocsAccessTokenProvider
{
    /// <inheritdoc />
    public async ValueTask<string?> GetAccessTokenAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.RequestServices.GetRequiredService<SessionAccessTokens>().ForSignedInUserAsync(context);
    }
}
