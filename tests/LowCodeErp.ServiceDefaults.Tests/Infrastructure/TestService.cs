using System.Net.Http.Headers;
using LowCodeErp.ServiceDefaults.Auth;
using LowCodeErp.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A minimal service composed like every ERP service (<c>AddServiceDefaults</c> + <c>MapServiceDefaults</c>) in the
/// Production environment, on the in-memory test server, with a few endpoints that need permissions, throw, or call a
/// dependency at <c>Dependency:Url</c> through <c>IHttpClientFactory</c>.
/// </summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestService(WebApplication app) => _app = app;

    public IServiceProvider Services => _app.Services;

    public static async Task<TestService> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings ?? TestTokens.Settings);
        builder.AddServiceDefaults();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapServiceDefaults();
        endpoints?.Invoke(app);
        app.MapGet("/api/read", (HttpContext http) => Results.Ok(new { user = http.User.Identity?.Name }))
            .RequirePermission(ErpPermissions.WorkflowsRead);
        app.MapPost("/api/design", () => Results.Ok()).RequirePermission(ErpPermissions.WorkflowsDesign);
        app.MapPost("/api/tasks", () => Results.Ok()).RequirePermission(ErpPermissions.TasksWork);
        app.MapDelete("/api/admin", () => Results.NoContent()).RequirePermission(ErpPermissions.Admin);
        app.MapGet("/api/boom", IResult () => throw new InvalidOperationException("secret connection string leaked")).AllowAnonymous();
        app.MapMethods("/api/call", ["GET", "POST"], async (HttpContext http, IHttpClientFactory clients, IConfiguration configuration) =>
        {
            using var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), configuration["Dependency:Url"]);
            using var response = await clients.CreateClient("dependency").SendAsync(request, http.RequestAborted);
            return Results.Ok(new { dependency = (int)response.StatusCode });
        }).AllowAnonymous();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new TestService(app);
    }

    /// <summary>A client sending <paramref name="token"/> as bearer token (none when null).</summary>
    public HttpClient Client(string? token = null)
    {
        var client = _app.GetTestClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
