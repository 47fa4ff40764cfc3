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

    /// <summary>
    /// Waits until no request has arrived for <paramref name="quiet"/> (default 1 s; up to 60 s in all), then returns the
    /// count. An attempt the caller already cut off can still reach the handler afterwards on a busy machine, so a count
    /// read right after a call is not final; a baseline must be read only once the count has settled.
    /// </summary>
    public async Task<int> SettledHitsAsync(TimeSpan? quiet = null)
    {
        var wait = quiet ?? TimeSpan.FromSeconds(1);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = Hits;
        var since = DateTime.UtcNow;
        while (DateTime.UtcNow - since < wait)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The dependency's hit count did not settle within 60 s (now {Hits}).");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
            if (Hits != last)
            {
                (last, since) = (Hits, DateTime.UtcNow);
            }
        }

        return last;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
