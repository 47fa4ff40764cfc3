using System.Collections;
using System.Dynamic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCodeErp.Workflows.Abstractions;

/// <summary>
/// Converts values between what definitions, scripts and JSON produce (strings, doubles, JSON nodes) and the CLR types
/// activities declare. Elsa converts the same way: "4" into an Int32 input is 4; a JSON array into List&lt;string&gt; works.
/// </summary>
public static class ValueConversion
{
    /// <summary>JSON options used for conversions (camelCase, case-insensitive, enums as strings).</summary>
    public static readonly JsonSerializerOptions JsonOptions = CreateOptions();

    /// <summary>Converts <paramref name="value"/> to <typeparamref name="T"/>.</summary>
    public static T? Convert<T>(object? value) => (T?)Convert(value, typeof(T));

    /// <summary>Converts <paramref name="value"/> to <paramref name="targetType"/>; throws <see cref="FormatException"/> when it cannot.</summary>
    public static object? Convert(object? value, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        var underlying = Nullable.GetUnderlyingType(targetType) ?? targetType;
        value = Unwrap(value);

        if (value is null)
        {
            return targetType.IsValueType && Nullable.GetUnderlyingType(targetType) is null ? Activator.CreateInstance(targetType) : null;
        }

        if (underlying == typeof(object))
        {
            return value;
        }

        if (underlying.IsInstanceOfType(value))
        {
            return value;
        }

        try
        {
            return ConvertCore(value, underlying);
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or JsonException or ArgumentException or FormatException)
        {
            throw new FormatException($"Cannot convert {Describe(value)} to {TypeAliases.GetAlias(targetType)}.", ex);
        }
    }

    /// <summary>Turns JSON values into plain CLR values: string, bool, long/double/decimal, dictionaries and lists.</summary>
    public static object? Unwrap(object? value) => value switch
    {
        JsonElement element => FromElement(element),
        JsonNode node => FromElement(JsonSerializer.SerializeToElement(node)),
        _ => value,
    };

    /// <summary>Converts a JSON element into plain CLR values.</summary>
    public static object? FromElement(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var l) ? l : element.GetDouble(),
        JsonValueKind.Array => element.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => ToExpando(element),
        _ => element.GetRawText(),
    };

    private static ExpandoObject ToExpando(JsonElement element)
    {
        var expando = new ExpandoObject();
        IDictionary<string, object?> map = expando;
        foreach (var property in element.EnumerateObject())
        {
            map[property.Name] = FromElement(property.Value);
        }

        return expando;
    }

    private static object? ConvertCore(object value, Type target)
    {
        if (target == typeof(string))
        {
            return value switch
            {
                string s => s,
                bool b => b ? "true" : "false",
                IFormattable f when value.GetType().IsPrimitive || value is decimal => f.ToString(null, CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => JsonSerializer.Serialize(value, JsonOptions),
            };
        }

        if (value is string text)
        {
            return FromString(text, target);
        }

        if (target.IsEnum)
        {
            return Enum.ToObject(target, System.Convert.ChangeType(value, Enum.GetUnderlyingType(target), CultureInfo.InvariantCulture));
        }

        if (IsNumeric(target) && value is IConvertible && (IsNumeric(value.GetType()) || value is bool))
        {
            return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
        }

        if (target == typeof(bool) && IsNumeric(value.GetType()))
        {
            return System.Convert.ToDouble(value, CultureInfo.InvariantCulture) != 0;
        }

        if (target == typeof(TimeSpan) && IsNumeric(value.GetType()))
        {
            return TimeSpan.FromMilliseconds(System.Convert.ToDouble(value, CultureInfo.InvariantCulture));
        }

        if (target.IsArray && value is IEnumerable items && value is not IDictionary)
        {
            var elementType = target.GetElementType()!;
            var list = items.Cast<object?>().Select(x => Convert(x, elementType)).ToList();
            var array = Array.CreateInstance(elementType, list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                array.SetValue(list[i], i);
            }

            return array;
        }

        // Anything else goes through JSON: dictionaries into records, lists into List<T>, and so on.
        var element = JsonSerializer.SerializeToElement(value, JsonOptions);
        return element.Deserialize(target, JsonOptions);
    }

    private static object? FromString(string text, Type target)
    {
        if (target == typeof(bool))
        {
            return bool.Parse(text.Trim());
        }

        if (target.IsEnum)
        {
            return Enum.Parse(target, text.Trim(), ignoreCase: true);
        }

        if (IsNumeric(target))
        {
            var number = decimal.Parse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture);
            return System.Convert.ChangeType(number, target, CultureInfo.InvariantCulture);
        }

        if (target == typeof(TimeSpan))
        {
            return TimeSpan.Parse(text.Trim(), CultureInfo.InvariantCulture);
        }

        if (target == typeof(DateTimeOffset))
        {
            return DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture);
        }

        if (target == typeof(DateTime))
        {
            return DateTime.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }

        if (target == typeof(Guid))
        {
            return Guid.Parse(text.Trim());
        }

        if (target == typeof(Uri))
        {
            return new Uri(text.Trim(), UriKind.RelativeOrAbsolute);
        }

        // Collections and objects given as JSON text, e.g. "[\"GET\"]" for a List<string> input.
        var trimmed = text.TrimStart();
        if (trimmed.StartsWith('[') || trimmed.StartsWith('{'))
        {
            using var document = JsonDocument.Parse(text);
            return ConvertCore(document.RootElement.Clone(), target);
        }

        if (typeof(IEnumerable).IsAssignableFrom(target) && target != typeof(string))
        {
            return ConvertCore(new[] { text }, target);
        }

        return JsonSerializer.Deserialize(JsonSerializer.Serialize(text), target, JsonOptions);
    }

    private static bool IsNumeric(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal) ||
        type == typeof(float) || type == typeof(short) || type == typeof(byte) || type == typeof(uint) ||
        type == typeof(ulong) || type == typeof(ushort) || type == typeof(sbyte);

    private static string Describe(object value) =>
        value is string s ? $"'{(s.Length > 40 ? s[..40] + "…" : s)}'" : value.GetType().Name;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString,
        };
        options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
