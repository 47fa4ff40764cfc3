using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LowCodeErp.Identity.Tests.Infrastructure;

/// <summary>Calls to <c>/connect/token</c> and the admin API as a script would make them.</summary>
public static class TokenClient
{
    public const string AllScopes = "openid profile roles offline_access erp-api";

    public static Task<(HttpStatusCode Status, JsonObject Body)> PasswordAsync(
        HttpClient client, string userName, string password = IdentityServerFactory.DemoPassword, string clientId = "erp-cli") =>
        PostAsync(client, new()
        {
            ["grant_type"] = "password", ["client_id"] = clientId, ["username"] = userName, ["password"] = password, ["scope"] = AllScopes,
        });

    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        using var response = await client.PostAsync("/connect/token", content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return (response.StatusCode, body!);
    }

    /// <summary>A successful password grant's access token.</summary>
    public static async Task<string> AccessTokenAsync(HttpClient client, string userName, string password = IdentityServerFactory.DemoPassword)
    {
        var (status, body) = await PasswordAsync(client, userName, password);
        status.Should().Be(HttpStatusCode.OK, body.ToJsonString());
        return body["access_token"]!.GetValue<string>();
    }

    /// <summary>A client whose requests carry the user's bearer token.</summary>
    public static async Task<HttpClient> SignedInClientAsync(IdentityServerFactory server, string userName)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await AccessTokenAsync(client, userName));
        return client;
    }

    /// <summary>Values of one claim of a JWT (an array claim gives one value per element).</summary>
    public static IReadOnlyList<string> Claims(string jwt, string type) =>
        [.. new JsonWebToken(jwt).Claims.Where(c => c.Type == type).Select(c => c.Value)];
}
