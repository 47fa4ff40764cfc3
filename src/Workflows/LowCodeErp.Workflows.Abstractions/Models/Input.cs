namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// A wrapped activity input: an expression evaluated at run time into a value of the input's type.
/// Serialized as <c>{"typeName": "String", "expression": {"type": "Literal", "value": "Hello"}}</c>.
/// </summary>
public abstract class Input
{
    /// <summary>Creates an input from an expression.</summary>
    protected Input(Expression expression) => Expression = expression;

    /// <summary>The expression that produces the value.</summary>
    public Expression Expression { get; }

    /// <summary>The type alias written in the definition (a hint; the property type decides).</summary>
    public string? TypeName { get; set; }

    /// <summary>Creates an <see cref="Input{T}"/> of <paramref name="valueType"/> holding <paramref name="expression"/>.</summary>
    public static Input Create(Type valueType, Expression expression)
    {
        var constructor = Constructors.GetOrAdd(valueType, t => typeof(Input<>).MakeGenericType(t).GetConstructor([typeof(Expression)])!);
        return (Input)constructor.Invoke([expression]);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, System.Reflection.ConstructorInfo> Constructors = new();

    /// <summary>The CLR type the value is converted to.</summary>
    public abstract Type ValueType { get; }

    /// <summary>
    /// A cache slot for the engine: a literal converted once to <see cref="ValueType"/> (definitions are immutable, so
    /// converting per execution would only burn allocations).
    /// </summary>
    public object? CachedLiteral { get; set; }

    /// <summary>Whether <see cref="CachedLiteral"/> holds a converted literal.</summary>
    public bool HasCachedLiteral { get; set; }
}

/// <summary>A typed wrapped input.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class Input<T> : Input
{
    /// <summary>Creates an input from an expression.</summary>
    public Input(Expression expression) : base(expression)
    {
    }

    /// <summary>Creates a literal input.</summary>
    public Input(T literal) : base(Expression.Literal(literal))
    {
        CachedLiteral = literal;
        HasCachedLiteral = true;
    }

    /// <inheritdoc />
    public override Type ValueType => typeof(T);
}
