using System.Collections;
using System.Dynamic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Workflows.Core.Expressions.JavaScript;

/// <summary>
/// Moves values across the sandbox boundary as plain data. CLR values become ordinary JavaScript objects, arrays and
/// primitives (never interop wrappers, so scripts cannot reach CLR members); JavaScript values come back as
/// <see cref="string"/>, <see cref="bool"/>, <see cref="double"/>, <see cref="ExpandoObject"/> and
/// <see cref="List{T}"/> of object.
/// </summary>
internal static class JsValueConverter
{
    /// <summary>Deeper structures are refused; this also stops cyclic graphs.</summary>
    public const int MaxDepth = 64;

    /// <summary>Converts a CLR value into a plain JavaScript value.</summary>
    public static JsValue ToJs(Engine engine, object? value) => ToJs(engine, value, 0);

    /// <summary>Converts a JavaScript value into a plain CLR value.</summary>
    public static object? ToClr(JsValue value) => ToClr(value, 0);

    private static JsValue ToJs(Engine engine, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The value is nested deeper than {MaxDepth} levels (or is cyclic) and cannot be passed to JavaScript.");
        }

        switch (value)
        {
            case null:
                return JsValue.Null;
            case JsValue js:
                return js;
            case string s:
                return JsString.Create(s);
            case bool b:
                return b ? JsBoolean.True : JsBoolean.False;
            case double d:
                return JsNumber.Create(d);
            case int i:
                return JsNumber.Create(i);
            case long l:
                return JsNumber.Create(l);
            case decimal m:
                return JsNumber.Create((double)m);
            case float f:
                return JsNumber.Create(f);
            case short or byte or sbyte or ushort or uint or ulong:
                return JsNumber.Create(Convert.ToDouble(value, CultureInfo.InvariantCulture));
            case char c:
                return JsString.Create(c.ToString());
            case Guid g:
                return JsString.Create(g.ToString("D"));
            case Enum e:
                return JsString.Create(e.ToString());
            case DateTimeOffset dto:
                return JsString.Create(dto.ToString("O", CultureInfo.InvariantCulture));
            case DateTime dt:
                return JsString.Create(dt.ToString("O", CultureInfo.InvariantCulture));
            case JsonElement element:
                return FromElement(engine, element, depth);
            case JsonNode node:
                return FromElement(engine, JsonSerializer.SerializeToElement(node, ValueConversion.JsonOptions), depth);
            case byte[] bytes:
                return JsString.Create(Convert.ToBase64String(bytes));
            case IDictionary<string, object?> map:
                {
                    var entries = new KeyValuePair<string, JsValue>[map.Count];
                    var index = 0;
                    foreach (var (key, item) in map)
                    {
                        entries[index++] = new(key, ToJs(engine, item, depth + 1));
                    }

                    return JsObject.CreateFromEntries(engine, entries.AsSpan(0, index));
                }

            case IDictionary dictionary:
                {
                    var entries = new List<KeyValuePair<string, JsValue>>(dictionary.Count);
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? "";
                        entries.Add(new(key, ToJs(engine, entry.Value, depth + 1)));
                    }

                    return JsObject.CreateFromEntries(engine, entries);
                }

            case IList list:
                {
                    var items = new JsValue[list.Count];
                    for (var i = 0; i < items.Length; i++)
                    {
                        items[i] = ToJs(engine, list[i], depth + 1);
                    }

                    return new JsArray(engine, items);
                }

            default:
                // Records, classes, sets, read-only dictionaries, TimeSpan, Uri…: whatever JSON makes of them
                // (camelCase properties, dictionary keys as they are).
                return FromElement(engine, JsonSerializer.SerializeToElement(value, value.GetType(), ValueConversion.JsonOptions), depth);
        }
    }

    private static JsValue FromElement(Engine engine, JsonElement element, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The value is nested deeper than {MaxDepth} levels and cannot be passed to JavaScript.");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return JsString.Create(element.GetString()!);
            case JsonValueKind.Number:
                return JsNumber.Create(element.GetDouble());
            case JsonValueKind.True:
                return JsBoolean.True;
            case JsonValueKind.False:
                return JsBoolean.False;
            case JsonValueKind.Array:
                {
                    var items = new JsValue[element.GetArrayLength()];
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        items[index++] = FromElement(engine, item, depth + 1);
                    }

                    return new JsArray(engine, items);
                }

            case JsonValueKind.Object:
                {
                    var entries = new List<KeyValuePair<string, JsValue>>();
                    foreach (var property in element.EnumerateObject())
                    {
                        entries.Add(new(property.Name, FromElement(engine, property.Value, depth + 1)));
                    }

                    return JsObject.CreateFromEntries(engine, entries);
                }

            default:
                return JsValue.Null;
        }
    }

    private static object? ToClr(JsValue value, int depth)
    {
        switch (value.Type)
        {
            case Types.Boolean:
                return value.AsBoolean();
            case Types.Number:
                return value.AsNumber();
            case Types.String:
                return value.AsString();
            case Types.BigInt:
                return (double)TypeConverter.ToBigInt(value);
            case Types.Symbol:
                return value.ToString();
            case Types.Object:
                return ObjectToClr(value.AsObject(), depth);
            default:
                return null;
        }
    }

    private static object? ObjectToClr(ObjectInstance value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The JavaScript value is nested deeper than {MaxDepth} levels (or is cyclic) and cannot be converted.");
        }

        if (value.IsArray())
        {
            var array = value.AsArray();
            var length = array.Length;
            var list = new List<object?>((int)Math.Min(length, 1024));
            for (uint i = 0; i < length; i++)
            {
                list.Add(ToClr(array[i], depth + 1));
            }

            return list;
        }

        if (value.IsDate())
        {
            var date = value.AsDate();
            return double.IsNaN(date.DateValue)
                ? null
                : DateTimeOffset.FromUnixTimeMilliseconds((long)date.DateValue).ToString("O", CultureInfo.InvariantCulture);
        }

        if (value.IsCallable())
        {
            return null;
        }

        var expando = new ExpandoObject();
        IDictionary<string, object?> map = expando;
        foreach (var key in value.GetOwnPropertyKeys(Types.String))
        {
            var descriptor = value.GetOwnProperty(key);
            if (descriptor.Enumerable)
            {
                map[key.ToString()] = ToClr(value.Get(key), depth + 1);
            }
        }

        return expando;
    }
}
