using System.Text;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Core.Expressions.JavaScript;
using LowCodeErp.Workflows.Core.Model;

namespace LowCodeErp.Workflows.Api.Scripting;

/// <summary>
/// A TypeScript declaration file of the globals our JavaScript evaluator installs for a definition (see
/// <c>ScriptSession</c>): the fixed helpers, <c>get&lt;Var&gt;()</c>/<c>set&lt;Var&gt;(value)</c> per workflow variable,
/// the <c>variables</c> object and <c>get&lt;Input&gt;()</c> per workflow input. Studio's Monaco editor loads it for completion.
/// </summary>
public static class JavaScriptTypeDefinitions
{
    private const string Helpers = """
        declare function getVariable(name: string): any;
        declare function setVariable(name: string, value: any): void;
        declare function getInput(name: string): any;
        declare function getOutputFrom(activityIdOrName: string, outputName?: string): any;
        declare function getLastResult(): any;
        declare function getCorrelationId(): string | null;
        declare function setCorrelationId(correlationId: string | null): void;
        declare function getWorkflowInstanceId(): string;
        declare function getWorkflowDefinitionId(): string;
        declare function getWorkflowDefinitionVersionId(): string;
        declare function getWorkflowDefinitionVersion(): number;
        declare function getWorkflowInstanceName(): string | null;
        declare function setWorkflowInstanceName(name: string | null): void;
        declare function newGuid(): string;
        declare function newGuidString(): string;
        declare function getGuidString(): string;
        declare function newShortGuid(): string;
        declare function getShortGuid(): string;
        declare function toJson(value: any): string;
        declare function parseGuid(text: string): string;
        declare function isNullOrEmpty(text: string | null | undefined): boolean;
        declare function isNullOrWhiteSpace(text: string | null | undefined): boolean;
        declare function setOutcome(outcome: string): void;
        declare function setOutcomes(outcomes: string[]): void;
        declare function stringToBase64(text: string): string;
        declare function stringFromBase64(base64: string): string;
        """;

    /// <summary>The declarations for <paramref name="definition"/>.</summary>
    public static string For(WorkflowDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var text = new StringBuilder("// Globals of LowCodeErp's JavaScript expressions for '").Append(definition.DefinitionId).Append("'.\n");
        text.Append(Helpers.ReplaceLineEndings("\n")).Append('\n');
        var variables = definition.Variables.Where(v => AccessorName.Pascalize(v.Name).Length > 0).ToList();
        foreach (var variable in variables)
        {
            var (suffix, type) = (AccessorName.Pascalize(variable.Name), TypeOf(variable.TypeName, variable.IsArray));
            text.Append("declare function get").Append(suffix).Append("(): ").Append(type).Append(";\n");
            text.Append("declare function set").Append(suffix).Append("(value: ").Append(type).Append("): void;\n");
        }

        text.Append("declare const variables: {");
        foreach (var variable in variables.Where(v => AccessorName.IsIdentifier(v.Name)))
        {
            text.Append(' ').Append(variable.Name).Append(": ").Append(TypeOf(variable.TypeName, variable.IsArray)).Append(';');
        }

        text.Append(" [name: string]: any };\n");
        foreach (var input in definition.Inputs.Where(i => AccessorName.Pascalize(i.Name).Length > 0))
        {
            text.Append("declare function get").Append(AccessorName.Pascalize(input.Name)).Append("(): ").Append(TypeOf(input.Type, false)).Append(";\n");
        }

        return text.ToString();
    }

    private static string TypeOf(string? typeName, bool isArray)
    {
        var type = typeName switch
        {
            "String" or "Guid" or "DateTime" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" => "string",
            "Boolean" => "boolean",
            "Byte" or "Int16" or "Int32" or "Int64" or "Single" or "Double" or "Decimal" => "number",
            _ => "any",
        };
        return isArray ? type + "[]" : type;
    }
}
