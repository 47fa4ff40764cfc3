using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace LowCodeErp.Data.Users;

/// <summary>
/// The signed-in user of the current HTTP request. JwtBearer maps <c>sub</c> to <see cref="ClaimTypes.NameIdentifier"/>
/// unless MapInboundClaims is off, so both spellings are read.
/// </summary>
public sealed class HttpContextCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User is { Identity.IsAuthenticated: true } user ? user : null;

    /// <inheritdoc />
    public string? Id => Principal?.FindFirstValue("sub") ?? Principal?.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <inheritdoc />
    public string? Name => Principal?.FindFirstValue("name") ?? Principal?.FindFirstValue(ClaimTypes.Name);
}
