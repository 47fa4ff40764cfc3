using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using LowCodeErp.Identity.Tests.Infrastructure;

namespace LowCodeErp.Identity.Tests;

/// <summary><c>/api/identity</c>: 401 anonymous, 403 without <c>admin</c>, field-named validation errors, soft disable/lock.</summary>
public sealed class AdminApiTests(IdentityServerFactory server) : IClassFixture<IdentityServerFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/identity/users")]
    [InlineData("/api/identity/roles")]
    public async Task Anonymous_Should_Get401(string path)
    {
        using var response = await server.CreateClient().GetAsync(new Uri(path, UriKind.Relative), Cancel);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnInvalidBearerToken_Should_Get401()
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");

        using var response = await client.GetAsync(new Uri("/api/identity/users", UriKind.Relative), Cancel);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AUserWithoutTheAdminPermission_Should_Get403()
    {
        using var analyst = await TokenClient.SignedInClientAsync(server, "analyst");

        using var list = await analyst.GetAsync(new Uri("/api/identity/users", UriKind.Relative), Cancel);
        using var create = await analyst.PostAsJsonAsync("/api/identity/roles", new { name = "x" }, Cancel);

        list.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        create.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Admin_Should_ListTheDemoUsersAndRoles()
    {
        using var admin = await TokenClient.SignedInClientAsync(server, "admin");

        var users = await admin.GetFromJsonAsync<JsonArray>("/api/identity/users", Cancel);
        var roles = await admin.GetFromJsonAsync<JsonArray>("/api/identity/roles", Cancel);

        users!.Select(u => u!["userName"]!.GetValue<string>()).Should().Contain(
            ["analyst", "sales", "underwriter", "committee1", "committee2", "committee3", "accountant", "admin"]);
        roles!.Single(r => r!["name"]!.GetValue<string>() == "analyst")!["permissions"]!.AsArray().Select(p => p!.GetValue<string>())
            .Should().BeEquivalentTo("workflows:read", "workflows:design", "workflows:run");
    }

    [Fact]
    public async Task CreateUser_Should_NameTheInvalidFields()
    {
        using var admin = await TokenClient.SignedInClientAsync(server, "admin");

        var missing = await ProblemAsync(await admin.PostAsJsonAsync("/api/identity/users", new { userName = "u1", roles = new[] { "nope" } }, Cancel));
        var weak = await ProblemAsync(await admin.PostAsJsonAsync("/api/identity/users",
            new { userName = "u2", displayName = "U Two", password = "short" }, Cancel));

        missing["errors"]!.AsObject().Select(e => e.Key).Should().BeEquivalentTo("displayName", "password", "roles[0]");
        weak["errors"]!.AsObject().Select(e => e.Key).Should().Equal("password");
        using var absent = await admin.GetAsync(new Uri("/api/identity/users", UriKind.Relative), Cancel);
        (await absent.Content.ReadAsStringAsync(Cancel)).Should().NotContain("\"u2\"", "a rejected user is not half-created");
    }

    [Fact]
    public async Task CreatedUser_Should_SignInAndGetPermissionsOfUpdatedRoles()
    {
        using var admin = await TokenClient.SignedInClientAsync(server, "admin");
        using var created = await admin.PostAsJsonAsync("/api/identity/users",
            new { userName = "newbie", displayName = "New Bie", password = "Newbie-pass-1", roles = new[] { "sales" } }, Cancel);
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<string>();
        using var duplicate = await admin.PostAsJsonAsync("/api/identity/users",
            new { userName = "newbie", displayName = "Again", password = "Newbie-pass-1" }, Cancel);
        duplicate.StatusCode.Should().Be(HttpStatusCode.Conflict);

        using var updated = await admin.PutAsJsonAsync($"/api/identity/users/{id}", new { displayName = "Newbie Analyst", roles = new[] { "analyst" } }, Cancel);
        updated.StatusCode.Should().Be(HttpStatusCode.OK);

        var token = await TokenClient.AccessTokenAsync(server.CreateClient(), "newbie", "Newbie-pass-1");
        TokenClient.Claims(token, "name").Should().Equal("Newbie Analyst");
        TokenClient.Claims(token, "role").Should().Equal("analyst");
        TokenClient.Claims(token, "permissions").Should().Contain("workflows:design").And.NotContain("tasks:work");
    }

    [Fact]
    public async Task DisableAndLock_Should_StopSignInAndRefreshWithoutDeletingTheUser()
    {
        using var admin = await TokenClient.SignedInClientAsync(server, "admin");
        var id = await CreateUserAsync(admin, "leaver");
        var (_, before) = await TokenClient.PasswordAsync(server.CreateClient(), "leaver", "Leaver-pass-1");

        (await admin.PostAsync(new Uri($"/api/identity/users/{id}/disable", UriKind.Relative), null, Cancel)).StatusCode.Should().Be(HttpStatusCode.OK);

        (await TokenClient.PasswordAsync(server.CreateClient(), "leaver", "Leaver-pass-1")).Status.Should().Be(HttpStatusCode.BadRequest);
        var (refreshStatus, refresh) = await TokenClient.PostAsync(server.CreateClient(), new()
        {
            ["grant_type"] = "refresh_token", ["client_id"] = "erp-cli", ["refresh_token"] = before["refresh_token"]!.GetValue<string>(),
        });
        refreshStatus.Should().Be(HttpStatusCode.BadRequest);
        refresh["error"]!.GetValue<string>().Should().Be("invalid_grant");
        var kept = await admin.GetFromJsonAsync<JsonObject>($"/api/identity/users/{id}", Cancel);
        kept!["isDisabled"]!.GetValue<bool>().Should().BeTrue();
        var active = await admin.GetFromJsonAsync<JsonArray>("/api/identity/users?includeDisabled=false", Cancel);
        active!.Select(u => u!["id"]!.GetValue<string>()).Should().NotContain(id);

        await admin.PostAsync(new Uri($"/api/identity/users/{id}/enable", UriKind.Relative), null, Cancel);
        (await TokenClient.PasswordAsync(server.CreateClient(), "leaver", "Leaver-pass-1")).Status.Should().Be(HttpStatusCode.OK);
        using var locked = await admin.PostAsJsonAsync($"/api/identity/users/{id}/lock", new { }, Cancel);
        locked.StatusCode.Should().Be(HttpStatusCode.OK);
        var (lockedStatus, lockedBody) = await TokenClient.PasswordAsync(server.CreateClient(), "leaver", "Leaver-pass-1");
        lockedStatus.Should().Be(HttpStatusCode.BadRequest);
        lockedBody["error_description"]!.GetValue<string>().Should().Contain("locked");
        await admin.PostAsync(new Uri($"/api/identity/users/{id}/unlock", UriKind.Relative), null, Cancel);
        (await TokenClient.PasswordAsync(server.CreateClient(), "leaver", "Leaver-pass-1")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ResetPassword_Should_ReplaceThePasswordAndNameAWeakOne()
    {
        using var admin = await TokenClient.SignedInClientAsync(server, "admin");
        var id = await CreateUserAsync(admin, "forgetful");

        var weak = await ProblemAsync(await admin.PostAsJsonAsync($"/api/identity/users/{id}/reset-password", new { newPassword = "x" }, Cancel));
        using var reset = await admin.PostAsJsonAsync($"/api/identity/users/{id}/reset-password", new { newPassword = "Brand-new-2" }, Cancel);

        weak["errors"]!.AsObject().Select(e => e.Key).Should().Equal("newPassword");
        reset.StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await TokenClient.PasswordAsync(server.CreateClient(), "forgetful", "Forgetful-pass-1")).Status.Should().Be(HttpStatusCode.BadRequest);
        (await TokenClient.PasswordAsync(server.CreateClient(), "forgetful", "Brand-new-2")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task UnknownIds_Should_Get404()
    {
        using var admin = await TokenClient.SignedInClientAsync(server, "admin");

        using var user = await admin.GetAsync(new Uri("/api/identity/users/no-such-id", UriKind.Relative), Cancel);
        using var disable = await admin.PostAsync(new Uri("/api/identity/users/no-such-id/disable", UriKind.Relative), null, Cancel);
        using var role = await admin.PutAsJsonAsync("/api/identity/roles/no-such-role", new { description = "x" }, Cancel);

        user.StatusCode.Should().Be(HttpStatusCode.NotFound);
        disable.StatusCode.Should().Be(HttpStatusCode.NotFound);
        role.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ACustomRole_Should_GrantItsPermissions_AndBuiltInPermissionsStayFixed()
    {
        using var admin = await TokenClient.SignedInClientAsync(server, "admin");

        var unknown = await ProblemAsync(await admin.PostAsJsonAsync("/api/identity/roles",
            new { name = "auditor", permissions = new[] { "workflows:read", "fly" } }, Cancel));
        using var created = await admin.PostAsJsonAsync("/api/identity/roles", new { name = "auditor", permissions = new[] { "workflows:read" } }, Cancel);
        using var builtIn = await admin.PutAsJsonAsync("/api/identity/roles/sales", new { permissions = new[] { "*" } }, Cancel);
        using var user = await admin.PostAsJsonAsync("/api/identity/users",
            new { userName = "audrey", displayName = "Audrey", password = "Audrey-pass-1", roles = new[] { "auditor" } }, Cancel);

        unknown["errors"]!.AsObject().Select(e => e.Key).Should().Equal("permissions[1]");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        builtIn.StatusCode.Should().Be(HttpStatusCode.Conflict);
        user.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = await TokenClient.AccessTokenAsync(server.CreateClient(), "audrey", "Audrey-pass-1");
        TokenClient.Claims(token, "permissions").Should().Equal("workflows:read");
    }

    private static async Task<string> CreateUserAsync(HttpClient admin, string userName)
    {
        var password = char.ToUpperInvariant(userName[0]) + userName[1..] + "-pass-1";
        using var response = await admin.PostAsJsonAsync("/api/identity/users",
            new { userName, displayName = userName, password, roles = new[] { "sales" } }, Cancel);
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancel));
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!["id"]!.GetValue<string>();
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        using (response)
        {
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
            return (await response.Content.ReadFromJsonAsync<JsonObject>(Cancel))!;
        }
    }
}
