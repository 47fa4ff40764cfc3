using System.Diagnostics;
using System.Net;
using FluentAssertions;
using LowCodeErp.ServiceDefaults.Tests.Infrastructure;

namespace LowCodeErp.ServiceDefaults.Tests;

/// <summary><c>/metrics</c> serves the ASP.NET Core request metrics in the Prometheus text format, without a token.</summary>
public sealed class MetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_Should_ExposeRequestDurations_PerRoute()
    {
        await using var service = await TestService.StartAsync();
        var client = service.Client();
        (await client.GetAsync("/api/read", Ct)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // Request metrics are recorded when the response completes, which can trail the client's read: poll. Meters are
        // process-wide, so other tests' services may add to the same series: the count is at least 1, not exactly 1.
        var counted = new System.Text.RegularExpressions.Regex("http_server_request_duration_seconds_count\\{[^}]*http_route=\"/api/read\"[^}]*\\} [1-9]");
        var text = "";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var response = await client.GetAsync("/metrics", Ct);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            text = await response.Content.ReadAsStringAsync(Ct);
            if (counted.IsMatch(text))
            {
                break;
            }

            await Task.Delay(200, Ct);
        }

        text.Should().Contain("# TYPE http_server_request_duration_seconds histogram");
        counted.IsMatch(text).Should().BeTrue(text);
    }
}
