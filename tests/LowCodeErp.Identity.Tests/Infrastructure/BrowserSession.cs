using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using FluentAssertions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace LowCodeErp.Identity.Tests.Infrastructure;

/// <summary>
/// A browser as HttpClient: cookies kept, redirects followed by hand so each hop can be checked. Drives the authorization
/// code + PKCE flow of the test client through the real login form.
/// </summary>
public sealed partial class BrowserSession(IdentityServerFactory server) : IDisposable
{
    private readonly HttpClient _client = server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public string Verifier { get; } = NewVerifier();

    public static string NewVerifier() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public string AuthorizeUrl(string state = "s-1", string? challenge = null, string? extra = null) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = IdentityServerFactory.TestClient, ["response_type"] = "code", ["redirect_uri"] = IdentityServerFactory.TestRedirectUri,
            ["scope"] = TokenClient.AllScopes, ["state"] = state, ["code_challenge"] = challenge ?? Challenge(Verifier), ["code_challenge_method"] = "S256",
        }) + extra;

    public static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute), TestContext.Current.CancellationToken);

    /// <summary>Fetches the login form and returns its hidden fields (antiforgery token, return URL).</summary>
    public async Task<Dictionary<string, string>> LoginFormAsync(string loginUrl)
    {
        using var response = await GetAsync(loginUrl);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return HiddenInput().Matches(html).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
    }

    public async Task<HttpResponseMessage> PostLoginAsync(Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await _client.PostAsync(new Uri("/account/login", UriKind.Relative), content, TestContext.Current.CancellationToken);
    }

    /// <summary>Authorize → login page → form post → authorize again → redirect with a code. Returns the callback URL.</summary>
    public async Task<Uri> SignInAsync(string userName, string password, string? authorizeUrl = null)
    {
        using var challenge = await GetAsync(authorizeUrl ?? AuthorizeUrl());
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect);
        challenge.Headers.Location!.AbsolutePath.Should().Be("/account/login");

        var fields = await LoginFormAsync(challenge.Headers.Location.ToString());
        fields["userName"] = userName;
        fields["password"] = password;
        using var posted = await PostLoginAsync(fields);
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        using var authorized = await GetAsync(posted.Headers.Location!.ToString());
        authorized.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return authorized.Headers.Location!;
    }

    public static Dictionary<string, string> Query(Uri uri) =>
        QueryHelpers.ParseQuery(uri.Query).ToDictionary(p => p.Key, p => p.Value.ToString());

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]+)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}
