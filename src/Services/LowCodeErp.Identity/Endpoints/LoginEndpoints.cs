using System.Security.Claims;
using LowCodeErp.Identity.Persistence;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCodeErp.Identity.Endpoints;

/// <summary>
/// <c>/account/login</c>: the server-rendered sign-in form of the authorization code flow. A success sets the login
/// cookie and returns to the (local) return URL, normally <c>/connect/authorize</c>.
/// </summary>
internal static class LoginEndpoints
{
    public const string Path = "/account/login";
    private const string ReturnUrlField = "returnUrl";

    public static IResult Show(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        Page(context, antiforgery, LocalOrRoot(returnUrl), userName: "", error: null, StatusCodes.Status200OK);

    public static async Task<IResult> SubmitAsync(
        HttpContext context, IAntiforgery antiforgery, UserManager<ErpUser> users, SignInManager<ErpUser> signIn)
    {
        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "Post the sign-in form.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalOrRoot(form[ReturnUrlField]);
        var userName = form["userName"].ToString().Trim();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return Page(context, antiforgery, returnUrl, userName, "The form expired. Please sign in again.", StatusCodes.Status400BadRequest);
        }

        var user = userName.Length > 0 ? await users.FindByNameAsync(userName) : null;
        var result = user is { IsDisabled: false }
            ? await signIn.CheckPasswordSignInAsync(user, form["password"].ToString(), lockoutOnFailure: true)
            : SignInResult.Failed;
        if (!result.Succeeded)
        {
            var error = result.IsLockedOut ? "This account is locked. Try again later or ask an administrator." : "Invalid user name or password.";
            return Page(context, antiforgery, returnUrl, userName, error, StatusCodes.Status200OK);
        }

        var identity = new ClaimsIdentity(IdentityServiceDefaults.CookieScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user!.Id).SetClaim(Claims.Name, user.DisplayName);
        await context.SignInAsync(IdentityServiceDefaults.CookieScheme, new ClaimsPrincipal(identity),
            new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow });
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static ContentHttpResult Page(HttpContext context, IAntiforgery antiforgery, string returnUrl, string userName, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var html = LoginPage.Render(tokens.FormFieldName, tokens.RequestToken!, ReturnUrlField, returnUrl, userName, error);
        return TypedResults.Content(html, "text/html; charset=utf-8", statusCode: status);
    }

    // Only local URLs: an absolute return URL would make the form an open redirector.
    private static string LocalOrRoot(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
