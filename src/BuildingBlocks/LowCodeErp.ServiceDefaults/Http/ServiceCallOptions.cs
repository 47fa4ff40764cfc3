namespace LowCodeErp.ServiceDefaults.Http;

/// <summary>
/// Configuration section <c>ServiceCalls</c>: the latency budget and resilience of every outgoing HTTP call made through
/// <c>IHttpClientFactory</c>.
/// </summary>
public sealed class ServiceCallOptions
{
    /// <summary>Section name.</summary>
    public const string Section = "ServiceCalls";

    /// <summary>One attempt's budget (the design's 300 ms per inter-service call).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>All attempts and back-off together; the caller has its answer or an error by then.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after the first attempt, for idempotent methods only (GET, HEAD, OPTIONS, PUT, DELETE, TRACE).</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the exponential back-off (jittered).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Share of failed calls within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within <see cref="SamplingDuration"/> before the ratio counts (at least 2).</summary>
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>Window over which failures are counted (at least twice <see cref="Timeout"/>).</summary>
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open circuit fails calls at once before letting one through to probe.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);
}
