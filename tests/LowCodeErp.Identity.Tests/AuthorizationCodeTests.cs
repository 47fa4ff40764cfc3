using System.Net;
using FluentAssertions;
using LowCodeErp.Identity.Tests.Infrastructure;

namespace LowCodeErp.Identity.Tests;

/// <summary>Authorization code + PKCE through the server-rendered login page, as the web UI uses it.</summary>
public sealed class AuthorizationCodeTests(IdentityServerFactory server) : IClassFixture<IdentityServerFactory>
{
    [Fact]
    public async Task CodeWithPkce_Should_SignInThroughTheLoginFormAndIssueContractTokens()
    {
        using var browser = new BrowserSession(server);

        var callback = await browser.SignInAsync("sales", IdentityServerFactory.DemoPassword);

        callback.GetLeftPart(UriPartial.Path).Should().Be(IdentityServerFactory.TestRedirectUri);
        var query = BrowserSession.Query(callback);
        query["state"].Should().Be("s-1");
        var client = server.CreateClient();
        var (status, body) = await TokenClient.PostAsync(client, new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = IdentityServerFactory.TestClient, ["code"] = query["code"],
            ["redirect_uri"] = IdentityServerFactory.TestRedirectUri, ["code_verifier"] = browser.Verifier,
        });
        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        var token = body["access_token"]!.GetValue<string>();
        TokenClient.Claims(token, "name").Should().Equal("Sam Sales");
        TokenClient.Claims(token, "role").Should().Equal("sales");
        TokenClient.Claims(token, "permissions").Should().BeEquivalentTo("workflows:read", "workflows:run", "tasks:work");
        (await Jwks.ValidateAsync(client, token)).IsValid.Should().BeTrue();

        var (refreshStatus, refreshed) = await TokenClient.PostAsync(client, new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = IdentityServerFactory.TestClient, ["refresh_token"] = body["refresh_token"]!.GetValue<string>(),
        });
        refreshStatus.Should().Be(HttpStatusCode.OK, refreshed.ToJsonString());
    }

    [Fact]
    public async Task AWrongVerifier_Should_GiveInvalidGrant()
    {
        using var browser = new BrowserSession(server);
        var code = BrowserSession.Query(await browser.SignInAsync("analyst", IdentityServerFactory.DemoPassword))["code"];

        var (status, body) = await TokenClient.PostAsync(server.CreateClient(), new()
        {
            ["grant_type"] = "authorization_code", ["client_id"] = IdentityServerFactory.TestClient, ["code"] = code,
            ["redirect_uri"] = IdentityServerFactory.TestRedirectUri, ["code_verifier"] = BrowserSession.NewVerifier(),
        });

        status.Should().Be(HttpStatusCode.BadRequest);
        body["error"]!.GetValue<string>().Should().Be("invalid_grant");
    }

    [Fact]
    public async Task AnAuthorizeRequestWithoutPkce_Should_BeRefused()
    {
        using var browser = new BrowserSession(server);
        var url = browser.AuthorizeUrl().Replace("&code_challenge=" + BrowserSession.Challenge(browser.Verifier), "", StringComparison.Ordinal)
            .Replace("&code_challenge_method=S256", "", StringComparison.Ordinal);
        url.Should().NotContain("code_challenge");

        using var response = await browser.GetAsync(url);

        // OpenIddict answers a request it refuses on the spot instead of redirecting with a code.
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Should().Contain("invalid_request").And.Contain("code_challenge");
    }

    [Fact]
    public async Task AWrongPassword_Should_ShowTheFormAgainWithAnError()
    {
        using var browser = new BrowserSession(server);
        using var challenge = await browser.GetAsync(browser.AuthorizeUrl());
        var fields = await browser.LoginFormAsync(challenge.Headers.Location!.ToString());
        fields["userName"] = "analyst";
        fields["password"] = "wrong";

        using var response = await browser.PostLoginAsync(fields);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        html.Should().Contain("Invalid user name or password.").And.Contain("value=\"analyst\"");
        html.Should().Contain("__RequestVerificationToken", "the form can be submitted again");
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryToken_Should_BeRejected()
    {
        using var browser = new BrowserSession(server);
        var fields = await browser.LoginFormAsync("/account/login?returnUrl=%2F");
        fields.Remove(fields.Keys.Single(k => k.StartsWith("__RequestVerificationToken", StringComparison.Ordinal)));
        fields["userName"] = "analyst";
        fields["password"] = IdentityServerFactory.DemoPassword;

        using var response = await browser.PostLoginAsync(fields);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
    }

    [Fact]
    public async Task AnAbsoluteReturnUrl_Should_NotRedirectOffSite()
    {
        using var browser = new BrowserSession(server);
        var fields = await browser.LoginFormAsync("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F");
        fields["userName"] = "analyst";
        fields["password"] = IdentityServerFactory.DemoPassword;

        using var response = await browser.PostLoginAsync(fields);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/");
    }

    [Fact]
    public async Task ASignedInBrowser_Should_GetACodeWithoutTheForm_UntilTheSessionEnds()
    {
        using var browser = new BrowserSession(server);
        await browser.SignInAsync("committee3", IdentityServerFactory.DemoPassword);

        using var again = await browser.GetAsync(browser.AuthorizeUrl(state: "s-2"));
        again.StatusCode.Should().Be(HttpStatusCode.Redirect);
        BrowserSession.Query(again.Headers.Location!).Should().ContainKey("code");

        using var endSession = await browser.GetAsync("/connect/endsession");
        endSession.StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var afterwards = await browser.GetAsync(browser.AuthorizeUrl(state: "s-3"));
        afterwards.Headers.Location!.AbsolutePath.Should().Be("/account/login");
    }

    [Fact]
    public async Task PromptNone_Should_AnswerLoginRequiredWithoutASession()
    {
        using var browser = new BrowserSession(server);

        using var response = await browser.GetAsync(browser.AuthorizeUrl(extra: "&prompt=none"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.GetLeftPart(UriPartial.Path).Should().Be(IdentityServerFactory.TestRedirectUri);
        BrowserSession.Query(response.Headers.Location)["error"].Should().Be("login_required");
    }
}
