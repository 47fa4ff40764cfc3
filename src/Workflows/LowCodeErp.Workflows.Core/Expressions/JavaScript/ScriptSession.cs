using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using System.Text;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using LowCodeErp.Workflows.Abstractions;
using LowCodeErp.Workflows.Abstractions.Descriptors;
using LowCodeErp.Workflows.Core.Execution;
using JintJsonSerializer = Jint.Native.Json.JsonSerializer;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>
/// One evaluation: a fresh engine plus the globals Elsa scripts expect (helpers, <c>get&lt;Name&gt;()</c> accessors,
/// <c>variables</c>). Only the globals the script references are installed; a script using eval, Function or
/// globalThis gets all of them, lazily.
/// </summary>
/// <remarks>
/// Values reach the script as copies. <c>getX()</c> and <c>getVariable('X')</c> convert on every call; <c>variables.X</c>
/// converts once per evaluation and, like Elsa's copy-back, writes an object the script changed in place
/// (<c>variables.Order.Status = 'Paid'</c>) back after a successful evaluation (getters then see that same copy).
/// Setters write through immediately.
/// </remarks>
internal sealed class ScriptSession
{
    /// <summary>The global object exposing every visible variable as a read/write property.</summary>
    public const string VariablesObjectName = "variables";

    private static readonly FrozenSet<string> HelperNames = new[]
    {
        "getVariable", "setVariable", "getInput", "getOutputFrom", "getLastResult", "getCorrelationId", "setCorrelationId",
        "getWorkflowInstanceId", "getWorkflowDefinitionId", "getWorkflowDefinitionVersionId", "getWorkflowDefinitionVersion",
        "getWorkflowInstanceName", "setWorkflowInstanceName", "newGuid", "newGuidString", "newShortGuid", "getGuidString",
        "getShortGuid", "toJson", "parseGuid", "isNullOrEmpty", "isNullOrWhiteSpace", "setOutcome", "setOutcomes",
        "stringToBase64", "stringFromBase64",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<WorkflowGraph, Dictionary<string, Activity>> ActivitiesByAccessorName = new();

    private readonly Engine _engine;
    private readonly ActivityExecutionContext _context;
    private Dictionary<VariableDefinition, ObjectSlot>? _objectSlots;
    private JintJsonSerializer? _json;

    public ScriptSession(Engine engine, ActivityExecutionContext context)
    {
        _engine = engine;
        _context = context;
    }

    /// <summary>Whether <paramref name="name"/> is one of the fixed helper functions.</summary>
    public static bool IsHelperName(string name) => HelperNames.Contains(name);

    /// <summary>Installs the globals <paramref name="script"/> needs.</summary>
    public void Install(PreparedScript script)
    {
        if (script.IsDynamic)
        {
            InstallEverything();
            return;
        }

        foreach (var name in script.HostGlobals)
        {
            if (Resolve(name) is { } value)
            {
                _engine.SetValue(name, value);
            }
        }
    }

    /// <summary>Writes back object variables the script changed in place. Call after a successful evaluation.</summary>
    public void Flush()
    {
        if (_objectSlots is null)
        {
            return;
        }

        foreach (var (definition, slot) in _objectSlots)
        {
            if (!string.Equals(Snapshot(slot.Value), slot.Snapshot, StringComparison.Ordinal))
            {
                _context.TrySetVariable(Key(definition), JsValueConverter.ToClr(slot.Value));
            }
        }

        _objectSlots = null;
    }

    private JsValue? Resolve(string name)
    {
        if (HelperNames.Contains(name))
        {
            return CreateHelper(name);
        }

        if (name == VariablesObjectName)
        {
            return CreateVariablesObject();
        }

        var accessor = name.AsSpan(3);
        if (name.StartsWith("set", StringComparison.Ordinal))
        {
            return FindVariableByAccessor(accessor) is { } target ? CreateVariableSetter(name, target) : null;
        }

        if (FindVariableByAccessor(accessor) is { } variable)
        {
            return CreateVariableGetter(name, variable);
        }

        if (FindInputByAccessor(accessor) is { } inputName)
        {
            return CreateInputGetter(name, inputName);
        }

        return FindOutputByAccessor(accessor) is var (activityId, outputName) ? CreateOutputGetter(name, activityId, outputName) : null;
    }

    /// <summary>For scripts that can reach globals by computed names: every accessor, materialised on first read.</summary>
    private void InstallEverything()
    {
        var installed = new HashSet<string>(StringComparer.Ordinal);

        void Add(string name, Func<JsValue> factory)
        {
            if (installed.Add(name))
            {
                _engine.Advanced.AddLazyGlobal(name, _ => factory(), PropertyFlag.NonEnumerable);
            }
        }

        foreach (var helper in HelperNames)
        {
            Add(helper, () => CreateHelper(helper));
        }

        Add(VariablesObjectName, CreateVariablesObject);
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            var suffix = AccessorName.Pascalize(definition.Name);
            if (suffix.Length == 0)
            {
                continue;
            }

            Add("get" + suffix, () => CreateVariableGetter("get" + suffix, definition));
            Add("set" + suffix, () => CreateVariableSetter("set" + suffix, definition));
        }

        foreach (var inputName in InputNames())
        {
            var accessor = "get" + AccessorName.Pascalize(inputName);
            Add(accessor, () => CreateInputGetter(accessor, inputName));
        }

        foreach (var activity in _context.EnclosingGraph().ActivitiesByName.Values)
        {
            foreach (var outputName in OutputNames(activity))
            {
                var accessor = $"get{outputName}From{AccessorName.Pascalize(activity.Name!)}";
                var activityId = activity.Id;
                Add(accessor, () => CreateOutputGetter(accessor, activityId, outputName));
            }
        }
    }

    // ---- variables -------------------------------------------------------------------------------------------

    private static string Key(VariableDefinition definition) => string.IsNullOrEmpty(definition.Id) ? definition.Name : definition.Id;

    private VariableDefinition? FindVariableByAccessor(ReadOnlySpan<char> accessor)
    {
        VariableDefinition? pascalMatch = null;
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            if (accessor.SequenceEqual(definition.Name))
            {
                return definition;
            }

            if (pascalMatch is null && AccessorName.Matches(definition.Name, accessor))
            {
                pascalMatch = definition;
            }
        }

        return pascalMatch;
    }

    private VariableDefinition? FindVariable(string idOrName)
    {
        VariableDefinition? byName = null;
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            if (string.Equals(definition.Id, idOrName, StringComparison.Ordinal))
            {
                return definition;
            }

            if (byName is null && string.Equals(definition.Name, idOrName, StringComparison.Ordinal))
            {
                byName = definition;
            }
        }

        return byName;
    }

    /// <summary>A variable's value as a fresh JavaScript copy (or the tracked copy when <c>variables.X</c> already made one).</summary>
    private JsValue ReadVariable(VariableDefinition definition)
    {
        if (_objectSlots is not null && _objectSlots.TryGetValue(definition, out var slot))
        {
            return slot.Value;
        }

        _context.TryGetVariable(Key(definition), out var value);
        return JsValueConverter.ToJs(_engine, value);
    }

    /// <summary>A variable's value through <c>variables.X</c>: objects are tracked so in-place changes are written back.</summary>
    private JsValue ReadTrackedVariable(VariableDefinition definition)
    {
        if (_objectSlots is not null && _objectSlots.TryGetValue(definition, out var slot))
        {
            return slot.Value;
        }

        var js = ReadVariable(definition);
        if (js is ObjectInstance)
        {
            (_objectSlots ??= new(ReferenceEqualityComparer.Instance)).Add(definition, new ObjectSlot(js, Snapshot(js)));
        }

        return js;
    }

    private void WriteVariable(VariableDefinition definition, JsValue value)
    {
        if (!_context.TrySetVariable(Key(definition), JsValueConverter.ToClr(value)))
        {
            throw new JavaScriptException(_engine.Intrinsics.TypeError, $"Variable '{definition.Name}' is not declared in scope.");
        }

        // The next read sees the stored (converted) value, not the script's object.
        _objectSlots?.Remove(definition);
    }

    private string? Snapshot(JsValue value) =>
        (_json ??= new JintJsonSerializer(_engine)).Serialize(value) is var json && json.IsString() ? json.AsString() : null;

    private ClrFunction CreateVariableGetter(string name, VariableDefinition definition) =>
        new(_engine, name, (_, _) => ReadVariable(definition));

    private ClrFunction CreateVariableSetter(string name, VariableDefinition definition) =>
        new(_engine, name, (_, args) =>
        {
            WriteVariable(definition, Arg(args, 0));
            return JsValue.Undefined;
        }, 1);

    private JsObject CreateVariablesObject()
    {
        var container = new JsObject(_engine);
        foreach (var (definition, _) in _context.VisibleVariables())
        {
            if (string.IsNullOrEmpty(definition.Name))
            {
                continue;
            }

            var getter = new ClrFunction(_engine, "get " + definition.Name, (_, _) => ReadTrackedVariable(definition));
            var setter = new ClrFunction(_engine, "set " + definition.Name, (_, args) =>
            {
                WriteVariable(definition, Arg(args, 0));
                return JsValue.Undefined;
            }, 1);
            container.DefineOwnProperty(JsString.Create(definition.Name), new GetSetPropertyDescriptor(getter, setter, enumerable: true, configurable: true));
        }

        return container;
    }

    // ---- inputs ----------------------------------------------------------------------------------------------

    private IEnumerable<string> InputNames()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in _context.FindInputScope().Keys)
        {
            if (seen.Add(key))
            {
                yield return key;
            }
        }

        foreach (var input in _context.EnclosingGraph().Definition.Inputs)
        {
            if (seen.Add(input.Name))
            {
                yield return input.Name;
            }
        }
    }

    private string? FindInputByAccessor(ReadOnlySpan<char> accessor)
    {
        var inputs = _context.FindInputScope();
        if (inputs.Count > 0)
        {
            var exact = accessor.ToString();
            if (inputs.ContainsKey(exact))
            {
                return exact;
            }

            foreach (var key in inputs.Keys)
            {
                if (AccessorName.Matches(key, accessor))
                {
                    return key;
                }
            }
        }

        // Declared inputs have accessors even when the caller did not supply them (they read null).
        foreach (var input in _context.EnclosingGraph().Definition.Inputs)
        {
            if (AccessorName.Matches(input.Name, accessor))
            {
                return input.Name;
            }
        }

        return null;
    }

    private object? ReadInput(string name)
    {
        var inputs = _context.FindInputScope();
        if (inputs.TryGetValue(name, out var value))
        {
            return value;
        }

        foreach (var (key, item) in inputs)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return item;
            }
        }

        return null;
    }

    private ClrFunction CreateInputGetter(string name, string inputName) =>
        new(_engine, name, (_, _) => JsValueConverter.ToJs(_engine, ReadInput(inputName)));

    // ---- activity outputs ------------------------------------------------------------------------------------

    private (string ActivityId, string OutputName)? FindOutputByAccessor(ReadOnlySpan<char> accessor)
    {
        // get<Output>From<Activity>; either part may itself contain "From", so try every split.
        const string separator = "From";
        for (var index = accessor.IndexOf(separator, StringComparison.Ordinal); index >= 0;)
        {
            if (index > 0 && index + separator.Length < accessor.Length)
            {
                var activityPart = accessor[(index + separator.Length)..];
                if (FindActivityByAccessor(activityPart) is { } activity
                    && FindOutputName(activity, accessor[..index]) is { } outputName)
                {
                    return (activity.Id, outputName);
                }
            }

            var next = accessor[(index + 1)..].IndexOf(separator, StringComparison.Ordinal);
            index = next < 0 ? -1 : index + 1 + next;
        }

        return null;
    }

    private Activity? FindActivityByAccessor(ReadOnlySpan<char> accessor)
    {
        var graph = _context.EnclosingGraph();
        var map = ActivitiesByAccessorName.GetValue(graph, static g =>
        {
            var byAccessor = new Dictionary<string, Activity>(StringComparer.Ordinal);
            foreach (var (name, activity) in g.ActivitiesByName)
            {
                byAccessor.TryAdd(AccessorName.Pascalize(name), activity);
            }

            foreach (var (name, activity) in g.ActivitiesByName)
            {
                byAccessor.TryAdd(name, activity);
            }

            return byAccessor;
        });
        return map.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(accessor, out var found) ? found : null;
    }

    private string? FindOutputName(Activity activity, ReadOnlySpan<char> outputName)
    {
        foreach (var output in ActivityTypeInfo.Of(activity.GetType()).Outputs)
        {
            if (outputName.Equals(output.Name, StringComparison.OrdinalIgnoreCase))
            {
                return output.Name;
            }
        }

        // Dynamic outputs (a workflow used as an activity): whatever it produced.
        if (_context.GetActivityOutputs(activity.Id) is { } produced)
        {
            foreach (var key in produced.Keys)
            {
                if (outputName.Equals(key, StringComparison.OrdinalIgnoreCase))
                {
                    return key;
                }
            }
        }

        return null;
    }

    private IEnumerable<string> OutputNames(Activity activity)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in ActivityTypeInfo.Of(activity.GetType()).Outputs)
        {
            names.Add(output.Name);
        }

        if (_context.GetActivityOutputs(activity.Id) is { } produced)
        {
            foreach (var key in produced.Keys)
            {
                names.Add(key);
            }
        }

        return names.Where(AccessorName.IsIdentifier);
    }

    private object? ReadOutput(string activityIdOrName, string outputName) =>
        _context.GetActivityOutputs(activityIdOrName) is { } outputs && outputs.TryGetValue(outputName, out var value) ? value : null;

    private ClrFunction CreateOutputGetter(string name, string activityId, string outputName) =>
        new(_engine, name, (_, _) => JsValueConverter.ToJs(_engine, ReadOutput(activityId, outputName)));

    // ---- helpers ---------------------------------------------------------------------------------------------

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

    /// <summary>Like Elsa, each setOutcome/setOutcomes call replaces what an earlier call requested.</summary>
    private void ReplaceOutcomes(List<string> outcomes)
    {
        _context.RequestedOutcomes?.Clear();
        _context.RequestOutcomes(outcomes);
    }

    private ClrFunction Function(string name, int length, Func<JsValue[], JsValue> body) =>
        new(_engine, name, (_, args) => body(args), length);

    private static List<string> Outcomes(JsValue value)
    {
        if (value.IsNull() || value.IsUndefined())
        {
            return [];
        }

        if (!value.IsArray())
        {
            return [TypeConverter.ToString(value)];
        }

        var array = value.AsArray();
        var outcomes = new List<string>((int)array.Length);
        for (uint i = 0; i < array.Length; i++)
        {
            if (array[i] is { } item && !item.IsNull() && !item.IsUndefined())
            {
                outcomes.Add(TypeConverter.ToString(item));
            }
        }

        return outcomes;
    }

    private static string ShortGuid()
    {
        var base64 = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        var builder = new StringBuilder(base64.Length);
        foreach (var c in base64)
        {
            if (c is not ('/' or '+' or '='))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static JsValue Text(string? value) => value is null ? JsValue.Null : JsString.Create(value);

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private static string? ArgString(JsValue[] args, int index)
    {
        var value = Arg(args, index);
        return value.IsNull() || value.IsUndefined() ? null : TypeConverter.ToString(value);
    }

    /// <summary>A variable's object value as the script sees it, with its JSON at first read to detect changes.</summary>
    private sealed class ObjectSlot(JsValue value, string? snapshot)
    {
        public JsValue Value { get; } = value;
        public string? Snapshot { get; } = snapshot;
    }
}

/// <summary>How Elsa derives accessor names: <c>order total</c> and <c>order_total</c> become <c>OrderTotal</c>.</summary>
internal static class AccessorName
{
    /// <summary>Removes spaces and underscores and upper-cases the first letter of every word.</summary>
    public static string Pascalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is ' ' or '_')
            {
                upper = true;
                continue;
            }

            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="accessor"/> is <paramref name="name"/> as declared or pascalized, without allocating.</summary>
    public static bool Matches(string name, ReadOnlySpan<char> accessor)
    {
        if (accessor.SequenceEqual(name))
        {
            return true;
        }

        var position = 0;
        var upper = true;
        foreach (var c in name)
        {
            if (c is ' ' or '_')
            {
                upper = true;
                continue;
            }

            if (position >= accessor.Length || accessor[position] != (upper ? char.ToUpperInvariant(c) : c))
            {
                return false;
            }

            position++;
            upper = false;
        }

        return position == accessor.Length && position > 0;
    }

    /// <summary>Whether <paramref name="name"/> can be part of a JavaScript identifier.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '$');
}
