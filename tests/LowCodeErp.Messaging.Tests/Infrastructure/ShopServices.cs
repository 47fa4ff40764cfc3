using System.Security.Claims;
using LowCodeErp.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>The registrations a service makes for its DbContext, with the conventions on.</summary>
internal static class ShopServices
{
    public static IServiceCollection AddShopContext(this IServiceCollection services, Action<DbContextOptionsBuilder> database)
    {
        // Registered before AddHttpContextAccessor (a TryAdd): the stock accessor keeps the context in an AsyncLocal,
        // which a test's InitializeAsync cannot hand to the test method.
        services.AddSingleton<IHttpContextAccessor, RequestContextAccessor>();
        services.AddErpDataConventions();
        services.AddDbContext<ShopContext>((sp, o) => database(o.UseErpDataConventions(sp)));
        return services;
    }

    public static async Task<ServiceProvider> BuildWithDatabaseAsync(this IServiceCollection services)
    {
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ShopContext>().Database.EnsureCreatedAsync();
        return provider;
    }

    /// <summary>Signs a user in for the current async flow, as the authentication middleware would for a request.</summary>
    public static void SignIn(this IServiceProvider services, string sub, string name)
    {
        var identity = new ClaimsIdentity([new Claim("sub", sub), new Claim("name", name)], authenticationType: "Test");
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity) };
    }

    /// <summary>No signed-in user (a background job).</summary>
    public static void SignOut(this IServiceProvider services) =>
        services.GetRequiredService<IHttpContextAccessor>().HttpContext = null;
}

/// <summary>Holds "the current request" for the whole test instead of per async flow.</summary>
internal sealed class RequestContextAccessor : IHttpContextAccessor
{
    public HttpContext? HttpContext { get; set; }
}
