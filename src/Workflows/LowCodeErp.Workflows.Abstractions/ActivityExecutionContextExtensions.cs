namespace LowCodeErp.Workflows.Abstractions;

/// <summary>Conveniences on <see cref="IActivityExecutionContext"/>.</summary>
public static class ActivityExecutionContextExtensions
{
    /// <summary>Resolves a required service.</summary>
    public static T GetRequiredService<T>(this IActivityExecutionContext context) where T : notnull
    {
        ArgumentNullException.ThrowIfNull(context);
        return (T?)context.Services.GetService(typeof(T))
               ?? throw new InvalidOperationException($"Service {typeof(T).Name} is not registered.");
    }

    /// <summary>Reads a typed per-execution property, creating it with <paramref name="factory"/> when absent.</summary>
    public static T GetProperty<T>(this IActivityExecutionContext context, string key, Func<T> factory)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(factory);
        if (context.Properties.TryGetValue(key, out var value) && value is T typed)
        {
            return typed;
        }

        var created = value is null ? factory() : ValueConversion.Convert<T>(value) ?? factory();
        context.Properties[key] = created;
        return created;
    }

    /// <summary>Whether the activity is still running (not completed, cancelled or faulted).</summary>
    public static bool IsRunning(this IActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Status == ActivityStatus.Running;
    }
}
