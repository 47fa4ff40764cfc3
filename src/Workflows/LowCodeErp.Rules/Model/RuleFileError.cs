namespace LowCodeErp.Rules.Model;

/// <summary>A problem in a rule file: <c>file:json-path: message (rule name)</c>, like the workflow definition errors.</summary>
public sealed record RuleFileError(string JsonPath, string Message, string? RuleName = null)
{
    /// <summary><c>json-path: message (rule name)</c>.</summary>
    public override string ToString() => RuleName is null ? $"{JsonPath}: {Message}" : $"{JsonPath}: {Message} (rule '{RuleName}')";

    /// <summary>Prefixed with the file, as start-up logs and the CLI print it.</summary>
    public string InFile(string file) => $"{file}:{this}";
}

/// <summary>A rule set document that is not valid; the API turns it into a 400 naming every problem.</summary>
public sealed class RuleSetInvalidException(IReadOnlyList<RuleFileError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    /// <summary>The problems.</summary>
    public IReadOnlyList<RuleFileError> Errors { get; } = errors;
}
