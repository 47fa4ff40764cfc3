using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FluentAssertions;

namespace LowCodeErp.HumanTasks.Tests.Infrastructure;

/// <summary>Small helpers over the inbox API.</summary>
internal static class Api
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Ct);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public static async Task<List<JsonElement>> ListAsync(this HttpClient client, string query = "view=mine") =>
        [.. (await client.GetJsonAsync($"/api/tasks?{query}")).GetProperty("items").EnumerateArray()];

    public static Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object? body = null) =>
        client.PostAsJsonAsync(new Uri(url, UriKind.Relative), body ?? new { }, Ct);

    public static Task<HttpResponseMessage> ClaimAsync(this HttpClient client, string taskId) => client.PostAsync($"/api/tasks/{taskId}/claim");

    public static Task<HttpResponseMessage> CompleteAsync(this HttpClient client, string taskId, string outcome, object? data = null, string? comment = null) =>
        client.PostAsync($"/api/tasks/{taskId}/complete", new { outcome, data = data ?? new { }, comment });

    public static async Task ShouldBeAsync(this Task<HttpResponseMessage> call, HttpStatusCode expected)
    {
        var response = await call;
        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync(Ct));
    }

    /// <summary>Polls until <paramref name="probe"/> returns a value (generous timeout: the machine is busy).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what, int timeoutSeconds = 60) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100, Ct);
        }
    }

    public static string Id(this JsonElement task) => task.GetProperty("id").GetString()!;
    public static string Str(this JsonElement element, string property) => element.GetProperty(property).ToString();
}
