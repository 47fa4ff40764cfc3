using System.Diagnostics;
using System.Net;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;
using LowCodeErp.Tests.Shared;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary>
/// A service calling a real slow dependency through <c>IHttpClientFactory</c>: each attempt is cut at the 300 ms budget,
/// idempotent calls are retried, failures open the circuit, and the service's own caller gets 504 then 503 ProblemDetails
/// quickly instead of hanging for the dependency's 30 s. Bounds are generous (seconds, not milliseconds): 2 busy cores.
/// </summary>
public sealed class ResilienceTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(SlowDependency dependency) => new(TestTokens.Settings)
    {
        ["Dependency:Url"] = dependency.Url.ToString(),
        // Few calls suffice to judge the failure ratio, and the circuit stays open for the rest of the test.
        // Room for all three attempts (300 ms each plus back-off) on a busy machine, so the retries are observable.
        ["ServiceCalls:TotalTimeout"] = "00:00:03",
        ["ServiceCalls:MinimumThroughput"] = "3",
        ["ServiceCalls:SamplingDuration"] = "00:01:00",
        ["ServiceCalls:BreakDuration"] = "00:01:00",
    };

    [Fact]
    public async Task SlowDependency_Should_TripTheTimeout_ThenTheCircuit_AndTheCallerGetsClearErrorsWithinTheBudget()
    {
        await using var dependency = await SlowDependency.StartAsync();
        await using var service = await TestService.StartAsync(Settings(dependency));
        var client = service.Client();
        // Warm the service's own pipeline up (JIT, first request) so the clock below times the dependency call.
        (await client.GetAsync("/health/live", Ct)).EnsureSuccessStatusCode();

        var clock = Stopwatch.StartNew();
        var first = await client.GetAsync("/api/call", Ct);
        var firstTook = clock.Elapsed;

        first.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await Problem.ReadAsync(first))["detail"]!.ToString().Should().Contain("did not answer within");
        firstTook.Should().BeLessThan(Generous, "three 300 ms attempts end the call long before the dependency's 30 s");
        // Up to three attempts; on a loaded machine the last may be cut by the total budget before it reaches the server.
        (await dependency.WaitForHitsAsync(2)).Should().BeInRange(2, 3, "a GET is retried after an attempt times out");

        // Every attempt so far failed: the breaker opens once it has seen enough calls. Call until it does.
        HttpResponseMessage? broken = null;
        for (var call = 0; call < 10 && broken is null; call++)
        {
            var response = await client.GetAsync("/api/call", Ct);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                broken = response;
            }
        }

        broken.Should().NotBeNull("the circuit opens after repeated timeouts");
        broken!.Headers.RetryAfter.Should().NotBeNull();
        (await Problem.ReadAsync(broken))["detail"]!.ToString().Should().Contain("paused");

        // Attempts cut off before the circuit opened can still reach the dependency late: take the baseline once they all
        // arrived, and compare after the same settling, so a late hit caused by the next call would be seen too.
        var hitsWhileOpen = await dependency.SettledHitsAsync();
        clock.Restart();
        var fastFail = await client.GetAsync("/api/call", Ct);
        fastFail.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        clock.Elapsed.Should().BeLessThan(Generous);
        (await dependency.SettledHitsAsync()).Should().Be(hitsWhileOpen, "an open circuit does not call the dependency at all");
    }

    [Fact]
    public async Task Post_Should_NotBeRetried_BecauseItIsNotIdempotent()
    {
        await using var dependency = await SlowDependency.StartAsync();
        await using var service = await TestService.StartAsync(Settings(dependency));

        var response = await service.Client().PostAsync("/api/call", null, Ct);

        response.StatusCode.Should().Be(HttpStatusCode.GatewayTimeout);
        (await Problem.ReadAsync(response))["detail"]!.ToString().Should().Contain("300 ms", "a single attempt ran into the per-call budget");
        // At most the one attempt (a retried POST would reach it up to 3 times). On a loaded machine the 300 ms budget
        // can run out before the request even reaches the dependency's handler, so 0 is possible too.
        (await dependency.WaitForHitsAsync(2)).Should().BeLessThanOrEqualTo(1, "a POST is never retried");
    }
}
