using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace LowCodeErp.ServiceDefaults.Tests.Infrastructure;

/// <summary>
/// A real Kestrel server on a free loopback port that holds every request for <see cref="Delay"/> (far beyond the 300 ms
/// budget) before answering, and counts the requests that reached it.
/// </summary>
public sealed class SlowDependency : IAsyncDisposable
{
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    private readonly WebApplication _app;
    private int _hits;

    private SlowDependency(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public int Hits => Volatile.Read(ref _hits);

    public static async Task<SlowDependency> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var dependency = new SlowDependency(app);
        app.MapGet("/ping", () => Results.Ok());
        app.Map("/slow", async (HttpContext http) =>
        {
            Interlocked.Increment(ref dependency._hits);
            // Ends early when the caller gives up, so nothing lingers after the test.
            await Task.Delay(Delay, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Ok();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Urls.Single();
        dependency.Url = new Uri(new Uri(address), "/slow");
        // Warm up (JIT, first connection) outside the budget, so the first timed call measures slowness, not start-up.
        using var warmUp = new HttpClient();
        (await warmUp.GetAsync(new Uri(new Uri(address), "/ping"), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        return dependency;
    }

    /// <summary>
    /// Waits (up to 5 s) until <paramref name="atLeast"/> requests arrived, then returns the count: requests reach the
    /// server's handler asynchronously, possibly after the caller already gave up on them.
    /// </summary>
    public async Task<int> WaitForHitsAsync(int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (Hits < atLeast && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return Hits;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
