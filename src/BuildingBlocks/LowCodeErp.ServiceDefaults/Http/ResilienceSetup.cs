using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace LowCodeErp.ServiceDefaults.Http;

/// <summary>
/// Every <c>IHttpClientFactory</c> client gets the standard pipeline of Microsoft.Extensions.Http.Resilience, tuned to the
/// <see cref="ServiceCallOptions"/> budget: total timeout → retry (idempotent methods, jittered back-off) → circuit breaker
/// (one per target authority, so one slow service does not cut off the others) → per-attempt timeout.
/// </summary>
public static class ResilienceSetup
{
    /// <summary>Binds <c>ServiceCalls</c> and applies the pipeline to all clients.</summary>
    public static IServiceCollection AddErpServiceCallResilience(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServiceCallOptions>().Bind(configuration.GetSection(ServiceCallOptions.Section));
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler()
            .Configure((HttpStandardResilienceOptions options, IServiceProvider provider) =>
                Apply(options, provider.GetRequiredService<IOptions<ServiceCallOptions>>().Value))
            .SelectPipelineByAuthority());
        return services;
    }

    private static void Apply(HttpStandardResilienceOptions options, ServiceCallOptions budget)
    {
        options.AttemptTimeout.Timeout = budget.Timeout;
        options.TotalRequestTimeout.Timeout = budget.TotalTimeout;
        options.Retry.MaxRetryAttempts = budget.MaxRetries;
        options.Retry.Delay = budget.RetryDelay;
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        // A POST that timed out may still have been carried out: repeating it could book twice.
        options.Retry.DisableForUnsafeHttpMethods();
        options.CircuitBreaker.FailureRatio = budget.FailureRatio;
        options.CircuitBreaker.MinimumThroughput = budget.MinimumThroughput;
        options.CircuitBreaker.SamplingDuration = budget.SamplingDuration;
        options.CircuitBreaker.BreakDuration = budget.BreakDuration;
    }
}
