using System.Collections;
using System.Dynamic;
using System.Globalization;
using System.Text.Json;
using LowCodeErp.Workflows.Abstractions;

namespace LowCodeErp.Rules.Model;

/// <summary>
/// Turns inputs from JSON, scripts or CLR objects into what RulesEngine evaluates: <see cref="ExpandoObject"/> trees whose
/// numbers are all <see cref="decimal"/>. One number type matters twice: RulesEngine derives a CLR type from each input's
/// shape and compiles the rules once per type, so 50000 and 50000.5 must not give two types (and two compilations);
/// and money compares exactly.
/// </summary>
public static class RuleInputs
{
    /// <summary>Normalises every named input.</summary>
    public static Dictionary<string, object?> Normalize(IEnumerable<KeyValuePair<string, object?>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        // A loop, not LINQ: this runs on every evaluation (the benchmark's overhead budget is a few microseconds).
        var normalized = new Dictionary<string, object?>(inputs.TryGetNonEnumeratedCount(out var count) ? count : 4, StringComparer.Ordinal);
        foreach (var (key, value) in inputs)
        {
            normalized.Add(key, Normalize(value));
        }

        return normalized;
    }

    /// <summary>
    /// Normalises named inputs into a fresh array for <see cref="Engine.RuleEvaluator"/>: the hot path, so no dictionary
    /// (RulesEngine takes an array of parameters anyway) and no enumerator for the usual array or list of inputs.
    /// Duplicate names are refused as a dictionary would refuse them.
    /// </summary>
    public static KeyValuePair<string, object?>[] NormalizeToArray(IEnumerable<KeyValuePair<string, object?>> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        KeyValuePair<string, object?>[] normalized;
        if (inputs is IReadOnlyList<KeyValuePair<string, object?>> list)
        {
            normalized = new KeyValuePair<string, object?>[list.Count];
            for (var i = 0; i < normalized.Length; i++)
            {
                normalized[i] = new(list[i].Key, Normalize(list[i].Value));
            }
        }
        else if (inputs.TryGetNonEnumeratedCount(out var count))
        {
            // The activity's case: a dictionary or ExpandoObject of named inputs from a script.
            normalized = new KeyValuePair<string, object?>[count];
            var i = 0;
            foreach (var (key, value) in inputs)
            {
                normalized[i++] = new(key, Normalize(value));
            }
        }
        else
        {
            normalized = [.. inputs.Select(kv => new KeyValuePair<string, object?>(kv.Key, Normalize(kv.Value)))];
        }

        // Inputs are a handful at most: a pairwise check is cheaper than a set.
        for (var i = 0; i < normalized.Length; i++)
        {
            if (string.IsNullOrEmpty(normalized[i].Key))
            {
                throw new ArgumentException("An input has no name.", nameof(inputs));
            }

            for (var j = 0; j < i; j++)
            {
                if (string.Equals(normalized[i].Key, normalized[j].Key, StringComparison.Ordinal))
                {
                    throw new ArgumentException($"The input '{normalized[i].Key}' is given twice.", nameof(inputs));
                }
            }
        }

        return normalized;
    }

    /// <summary>Normalises recorded (JSON) inputs.</summary>
    public static Dictionary<string, object?> Normalize(IReadOnlyDictionary<string, System.Text.Json.JsonElement> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return inputs.ToDictionary(kv => kv.Key, kv => Normalize(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>Normalises one value (an <see cref="ExpandoObject"/> that already is normalised is returned as it is).</summary>
    public static object? Normalize(object? value)
    {
        if (value is ExpandoObject expando && IsNormalized(expando))
        {
            return expando;
        }

        value = ValueConversion.Unwrap(value);
        return value switch
        {
            null => null,
            string or bool or decimal or DateTime or DateTimeOffset or Guid => value,
            long or int or short or byte or sbyte or uint or ulong or ushort => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
            double d => double.IsFinite(d) ? (decimal)d : d,
            float f => float.IsFinite(f) ? (decimal)f : f,
            IDictionary<string, object?> map => ToExpando(map),
            IDictionary map => ToExpando(map.Keys.Cast<object>().ToDictionary(k => Convert.ToString(k, CultureInfo.InvariantCulture)!, k => map[k])),
            IEnumerable list => list.Cast<object?>().Select(Normalize).ToList(),
            _ => Normalize(JsonSerializer.SerializeToElement(value, value.GetType(), ValueConversion.JsonOptions)),
        };
    }

    private static bool IsNormalized(object? value) => value switch
    {
        null or string or bool or decimal or DateTime or DateTimeOffset or Guid => true,
        ExpandoObject expando => IsNormalized(expando),
        List<object?> list => list.TrueForAll(IsNormalized),
        _ => false,
    };

    private static bool IsNormalized(ExpandoObject expando)
    {
        foreach (var (_, item) in expando)
        {
            if (!IsNormalized(item))
            {
                return false;
            }
        }

        return true;
    }

    private static ExpandoObject ToExpando(IDictionary<string, object?> map)
    {
        var expando = new ExpandoObject();
        IDictionary<string, object?> target = expando;
        foreach (var (key, item) in map)
        {
            target[key] = Normalize(item);
        }

        return expando;
    }
}
