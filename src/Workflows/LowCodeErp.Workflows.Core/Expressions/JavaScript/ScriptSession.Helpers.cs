using System.Collections.Frozen;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Interop;
using JintJsonSerializer = Jint.Native.Json.JsonSerializer;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>The fixed helper functions: variable, input and output lookups by name, workflow instance data and utilities.</summary>
internal sealed partial class ScriptSession
{
    private static readonly FrozenSet<string> HelperNames = new[]
    {
        "getVariable", "setVariable", "getInput", "getOutputFrom", "getLastResult", "getCorrelationId", "setCorrelationId",
        "getWorkflowInstanceId", "getWorkflowDefinitionId", "getWorkflowDefinitionVersionId", "getWorkflowDefinitionVersion",
        "getWorkflowInstanceName", "setWorkflowInstanceName", "newGuid", "newGuidString", "newShortGuid", "getGuidString",
        "getShortGuid", "toJson", "parseGuid", "isNullOrEmpty", "isNullOrWhiteSpace", "setOutcome", "setOutcomes",
        "stringToBase64", "stringFromBase64",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="name"/> is one of the fixed helper functions.</summary>
    public static bool IsHelperName(string name) => HelperNames.Contains(name);

    private ClrFunction CreateHelper(string name)
    {
        var workflow = _context.WorkflowContext;
        return name switch
        {
            "getVariable" => Function(name, 1, args => FindVariable(ArgString(args, 0) ?? "") is { } variable ? ReadVariable(variable) : JsValue.Null),
            "setVariable" => Function(name, 2, args =>
            {
                var variableName = ArgString(args, 0) ?? "";
                var variable = FindVariable(variableName)
                               ?? throw new JavaScriptException(_engine.Intrinsics.TypeError, $"Variable '{variableName}' is not declared in scope.");
                WriteVariable(variable, Arg(args, 1));
                return JsValue.Undefined;
            }),
            "getInput" => Function(name, 1, args => JsValueConverter.ToJs(_engine, ReadInput(ArgString(args, 0) ?? ""))),
            "getOutputFrom" => Function(name, 2, args =>
                JsValueConverter.ToJs(_engine, ReadOutput(ArgString(args, 0) ?? "", ArgString(args, 1) ?? "Result"))),
            "getLastResult" => Function(name, 0, _ => JsValueConverter.ToJs(_engine, _context.LastResult)),
            "getCorrelationId" => Function(name, 0, _ => Text(workflow.CorrelationId)),
            "setCorrelationId" => Function(name, 1, args =>
            {
                workflow.CorrelationId = ArgString(args, 0);
                return JsValue.Undefined;
            }),
            "getWorkflowInstanceId" => Function(name, 0, _ => Text(workflow.InstanceId)),
            "getWorkflowDefinitionId" => Function(name, 0, _ => Text(workflow.DefinitionId)),
            "getWorkflowDefinitionVersionId" => Function(name, 0, _ => Text(workflow.DefinitionVersionId)),
            "getWorkflowDefinitionVersion" => Function(name, 0, _ => JsNumber.Create(workflow.DefinitionVersion)),
            "getWorkflowInstanceName" => Function(name, 0, _ => Text(workflow.Name)),
            "setWorkflowInstanceName" => Function(name, 1, args =>
            {
                workflow.Name = ArgString(args, 0);
                return JsValue.Undefined;
            }),
            "newGuid" or "newGuidString" or "getGuidString" => Function(name, 0, _ => JsString.Create(Guid.NewGuid().ToString("D"))),
            "newShortGuid" or "getShortGuid" => Function(name, 0, _ => JsString.Create(ShortGuid())),
            "toJson" => Function(name, 1, args =>
                (_json ??= new JintJsonSerializer(_engine)).Serialize(Arg(args, 0)) is var json && json.IsString() ? json : JsString.Create("null")),
            "parseGuid" => Function(name, 1, args =>
            {
                var text = ArgString(args, 0);
                return Guid.TryParse(text, out var guid)
                    ? JsString.Create(guid.ToString("D"))
                    : throw new JavaScriptException(_engine.Intrinsics.TypeError, $"'{text}' is not a valid GUID.");
            }),
            "isNullOrEmpty" => Function(name, 1, args => string.IsNullOrEmpty(ArgString(args, 0)) ? JsBoolean.True : JsBoolean.False),
            "isNullOrWhiteSpace" => Function(name, 1, args => string.IsNullOrWhiteSpace(ArgString(args, 0)) ? JsBoolean.True : JsBoolean.False),
            "setOutcome" => Function(name, 1, args =>
            {
                ReplaceOutcomes(ArgString(args, 0) is { } outcome ? [outcome] : []);
                return JsValue.Undefined;
            }),
            "setOutcomes" => Function(name, 1, args =>
            {
                ReplaceOutcomes(Outcomes(Arg(args, 0)));
                return JsValue.Undefined;
            }),
            "stringToBase64" => Function(name, 1, args => JsString.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(ArgString(args, 0) ?? "")))),
            "stringFromBase64" => Function(name, 1, args =>
            {
                var text = ArgString(args, 0) ?? "";
                var buffer = new byte[text.Length];
                return Convert.TryFromBase64String(text, buffer, out var written)
                    ? JsString.Create(Encoding.UTF8.GetString(buffer, 0, written))
                    : throw new JavaScriptException(_engine.Intrinsics.TypeError, "The text is not valid Base64.");
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown helper."),
        };
    }

    private ClrFunction Function(string name, int length, Func<JsValue[], JsValue> body) =>
        new(_engine, name, (_, args) => body(args), length);

    /// <summary>A GUID as 22 URL-safe base64 characters (the short-GUID form Elsa's scripts produce).</summary>
    private static string ShortGuid() =>
        Convert.ToBase64String(Guid.NewGuid().ToByteArray()).Replace('/', '_').Replace('+', '-')[..22];

    private static JsValue Text(string? value) => value is null ? JsValue.Null : JsString.Create(value);
}
