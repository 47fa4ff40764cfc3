using Jint;
using Jint.Native;
using Jint.Runtime;
using LowCodeErp.Workflows.Abstractions;
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
internal sealed partial class ScriptSession
{
    /// <summary>The global object exposing every visible variable as a read/write property.</summary>
    public const string VariablesObjectName = "variables";

    private readonly Engine _engine;
    private readonly ActivityExecutionContext _context;
    private Dictionary<VariableDefinition, ObjectSlot>? _objectSlots;
    private JintJsonSerializer? _json;

    public ScriptSession(Engine engine, ActivityExecutionContext context)
    {
        _engine = engine;
        _context = context;
    }

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

    // ---- arguments -------------------------------------------------------------------------------------------

    private static JsValue Arg(JsValue[] args, int index) => index < args.Length ? args[index] : JsValue.Undefined;

    private static string? ArgString(JsValue[] args, int index)
    {
        var value = Arg(args, index);
        return value.IsNull() || value.IsUndefined() ? null : TypeConverter.ToString(value);
    }
}
