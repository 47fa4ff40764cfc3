namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// An activity output. When the definition binds it (<c>{"memoryReference": {"id": "&lt;variable id&gt;"}}</c>) the
/// value is also written to that variable or workflow output.
/// </summary>
public abstract record Output
{
    /// <summary>The id of the variable (or workflow output name) the value is written to; null when not captured.</summary>
    public string? MemoryReferenceId { get; init; }

    /// <summary>The type alias written in the definition.</summary>
    public string? TypeName { get; init; }

    /// <summary>Creates an <see cref="Output{T}"/> of <paramref name="valueType"/> bound to <paramref name="memoryReferenceId"/>.</summary>
    public static Output Create(Type valueType, string? memoryReferenceId, string? typeName)
    {
        var output = (Output)Activator.CreateInstance(typeof(Output<>).MakeGenericType(valueType))!;
        return output with { MemoryReferenceId = memoryReferenceId, TypeName = typeName };
    }
}

/// <summary>A typed activity output.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed record Output<T> : Output;
