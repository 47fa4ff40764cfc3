using Microsoft.AspNetCore.Http;

namespace LowCodeErp.Studio.Auth;

/// <summary>
/// Supplies the bearer token the Studio page hands to its custom elements (<c>access-token</c>), which send it on every
/// API call. The seam between the page and whatever signed the user in (single sign-on replaces the default).
/// </summary>
public interface IStudioAccessTokenProvider
{
    /// <summary>The signed-in user's access token for the API, or <c>null</c> when calls need no token.</summary>
    ValueTask<string?> GetAccessTokenAsync(HttpContext context);
}
