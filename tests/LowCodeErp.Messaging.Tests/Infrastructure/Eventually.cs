namespace LowCodeErp.Messaging.Tests.Infrastructure;

/// <summary>Polls a condition with a generous deadline (two busy cores: never a fixed sleep, never a tight timeout).</summary>
internal static class Eventually
{
    /// <param name="explain">On a time-out, what the failure message should add about the state (for CI logs).</param>
    public static async Task TrueAsync(
        Func<Task<bool>> condition, string what, TimeSpan? timeout = null, Func<Task<string>>? explain = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var state = explain is null ? "" : " " + await explain();
                Assert.Fail($"Timed out waiting until {what}.{state}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
