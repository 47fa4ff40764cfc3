namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// An expression as stored in a definition: <c>{"type": "JavaScript", "value": "getAmount() > 100"}</c>.
/// For <c>Literal</c> the value is the literal itself (string, number, boolean or JSON node).
/// </summary>
public sealed record Expression(string Type, object? Value)
{
    /// <summary>A literal expression.</summary>
    public static Expression Literal(object? value) => new(ExpressionTypes.Literal, value);

    /// <summary>A JavaScript expression.</summary>
    public static Expression JavaScript(string script) => new(ExpressionTypes.JavaScript, script);
}

/// <summary>The expression type names of the Elsa 3 format.</summary>
public static class ExpressionTypes
{
    /// <summary>A constant value.</summary>
    public const string Literal = "Literal";
    /// <summary>JSON text parsed into an object.</summary>
    public const string Object = "Object";
    /// <summary>Obsolete alias of <see cref="Object"/>.</summary>
    public const string Json = "Json";
    /// <summary>Reads a variable by id or name.</summary>
    public const string Variable = "Variable";
    /// <summary>Reads a workflow input.</summary>
    public const string Input = "Input";
    /// <summary>JavaScript run by a sandboxed interpreter.</summary>
    public const string JavaScript = "JavaScript";
    /// <summary>Liquid template.</summary>
    public const string Liquid = "Liquid";
    /// <summary>C# script: rejected by this engine (security and cold-start cost).</summary>
    public const string CSharp = "CSharp";
    /// <summary>Python script: rejected by this engine.</summary>
    public const string Python = "Python";
}
