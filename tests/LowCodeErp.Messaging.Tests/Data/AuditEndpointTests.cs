using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;
using LowCodeErp.Data.Auditing;
using LowCodeErp.Messaging.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Messaging.Tests.Data;

/// <summary>The endpoint helper mapped by a real Kestrel app over a service's DbContext.</summary>
public sealed class AuditEndpointTests(SqliteTestDatabase database) : IClassFixture<SqliteTestDatabase>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_returns_the_trail_of_an_entity_and_404_for_one_without_entries()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddShopContext(database.NewDatabase());
        await using var app = builder.Build();
        app.MapAuditTrail<ShopContext>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ShopContext>().Database.EnsureCreatedAsync(Cancel);
        }

        await app.StartAsync(Cancel);
        var customer = new Customer { Name = "Acme", Email = "acme@example.com" };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopContext>();
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Cancel);
            customer.Name = "Acme Leasing";
            await db.SaveChangesAsync(Cancel);
        }

        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        var trail = await http.GetFromJsonAsync<JsonElement>($"/api/audit/Customer/{customer.Id}", Cancel);
        trail.EnumerateArray().Select(e => e.GetProperty("action").GetString()).Should().Equal(AuditActions.Created, AuditActions.Updated);
        trail[1].GetProperty("changes").GetProperty("Name").GetProperty("after").GetString().Should().Be("Acme Leasing");

        using var missing = await http.GetAsync(new Uri($"/api/audit/Customer/{Guid.NewGuid()}", UriKind.Relative), Cancel);
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("status").GetInt32().Should().Be(404);
        await app.StopAsync(Cancel);
    }
}
