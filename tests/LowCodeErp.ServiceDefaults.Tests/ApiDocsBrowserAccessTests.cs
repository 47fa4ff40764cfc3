using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.OpenApi;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary>
/// A process that hosts the sign-in opens the API description to its login cookie: a browser reads Scalar with its
/// session (and gets its token filled in), an anonymous browser is sent to the login page, scripts still get 401, and
/// the cookie never opens an API.
/// </summary>
public sealed class ApiDocsBrowserAccessTests
{
    private const string CookieScheme = "test-login";
    private const string CookieName = "test.session";
    private const string UserToken = "token-of-the-signed-in-user";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SignedInBrowser_Should_ReadScalar_AndTheDocument_WithItsTokenFilledIn()
    {
        await using var service = await StartAsync();
        var cookie = await SignInAsync(service);

        var scalar = await SendAsync(service, "/scalar/v1", cookie, html: true);
        var document = await SendAsync(service, "/openapi/v1.json", cookie, html: false);

        scalar.StatusCode.Should().Be(HttpStatusCode.OK);
        (await scalar.Content.ReadAsStringAsync(Ct)).Should().Contain(UserToken);
        scalar.Headers.CacheControl!.NoStore.Should().BeTrue("the page holds a personal token");
        document.StatusCode.Should().Be(HttpStatusCode.OK);
        (await document.Content.ReadAsStringAsync(Ct)).Should().Contain("/api/read");
    }

    [Fact]
    public async Task AnonymousBrowser_Should_BeSentToTheLoginPage()
    {
        await using var service = await StartAsync();

        var response = await SendAsync(service, "/scalar/v1", cookie: null, html: true);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.Should().Be("/account/login");
    }

    [Theory]
    [InlineData("/openapi/v1.json")]
    [InlineData("/scalar/v1")]
    public async Task AnonymousScript_Should_StillGet401(string path)
    {
        await using var service = await StartAsync();

        var response = await SendAsync(service, path, cookie: null, html: false);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        await Problem.ReadAsync(response);
    }

    [Fact]
    public async Task TheLoginCookie_Should_NotOpenAnApi()
    {
        await using var service = await StartAsync();
        var cookie = await SignInAsync(service);

        var response = await SendAsync(service, "/api/read", cookie, html: true);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    private static Task<TestService> StartAsync() => TestService.StartAsync(
        services: services =>
        {
            services.AddAuthentication().AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = CookieName;
                options.LoginPath = "/account/login";
            });
            services.AddApiDocsBrowserSignIn(CookieScheme);
            services.AddSingleton<IApiDocsAccessTokenProvider, FixedTokens>();
        },
        endpoints: app => app.MapPost("/test/sign-in", (HttpContext http) => http.SignInAsync(CookieScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "Ann Analyst")], CookieScheme)))).AllowAnonymous());

    private static async Task<string> SignInAsync(TestService service)
    {
        using var response = await service.Client().PostAsync(new Uri("/test/sign-in", UriKind.Relative), null, Ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName, StringComparison.Ordinal)).Split(';')[0];
    }

    private static Task<HttpResponseMessage> SendAsync(TestService service, string path, string? cookie, bool html)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(html ? "text/html" : "application/json"));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return service.Client().SendAsync(request, Ct);
    }

    private sealed class FixedTokens : IApiDocsAccessTokenProvider
    {
        public ValueTask<string?> GetAccessTokenAsync(HttpContext context) =>
            ValueTask.FromResult<string?>(context.User.Identity?.IsAuthenticated == true ? UserToken : null);
    }
}
