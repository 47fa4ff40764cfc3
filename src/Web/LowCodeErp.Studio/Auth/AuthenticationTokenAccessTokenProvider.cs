using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.Studio.Auth;

/// <summary>
/// The default: the <c>access_token</c> the sign-in handler saved in the authentication properties (an OpenID Connect
/// cookie sign-in with <c>SaveTokens</c>). Without one (the embedded stand-in sign-in) the page sends no token.
/// </summary>
public sealed class AuthenticationTokenAccessTokenProvider : IStudioAccessTokenProvider
{
    /// <inheritdoc />
    public async ValueTask<string?> GetAccessTokenAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return await context.GetTokenAsync("access_token");
    }
}
