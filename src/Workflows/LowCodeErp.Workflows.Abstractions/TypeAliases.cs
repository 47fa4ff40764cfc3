using System.Dynamic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LowCodeErp.Workflows.Abstractions;

/// <summary>Elsa's type aliases (<c>String</c>, <c>Int32</c>, <c>JSON</c>, …) and the CLR types they stand for.</summary>
public static class TypeAliases
{
    private static readonly Dictionary<string, Type> ByAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        ["String"] = typeof(string),
        ["Int16"] = typeof(short),
        ["Int32"] = typeof(int),
        ["Int64"] = typeof(long),
        ["Long"] = typeof(long),
        ["Single"] = typeof(float),
        ["Double"] = typeof(double),
        ["Decimal"] = typeof(decimal),
        ["Boolean"] = typeof(bool),
        ["Object"] = typeof(object),
        ["ByteArray"] = typeof(byte[]),
        ["Guid"] = typeof(Guid),
        ["DateTime"] = typeof(DateTime),
        ["DateTimeOffset"] = typeof(DateTimeOffset),
        ["TimeSpan"] = typeof(TimeSpan),
        ["Stream"] = typeof(Stream),
        ["JSON"] = typeof(ExpandoObject),
        ["JsonElement"] = typeof(JsonElement),
        ["JsonNode"] = typeof(JsonNode),
        ["JsonObject"] = typeof(JsonObject),
        ["JsonArray"] = typeof(JsonArray),
        ["StringDictionary"] = typeof(IDictionary<string, string>),
        ["ObjectDictionary"] = typeof(IDictionary<string, object>),
        ["StringMap"] = typeof(Dictionary<string, string>),
        ["ObjectMap"] = typeof(Dictionary<string, object>),
    };

    private static readonly Dictionary<Type, string> ByType = BuildReverse();

    /// <summary>The CLR type of an alias such as <c>Int32</c>, <c>String[]</c>, <c>List&lt;String&gt;</c> or <c>Int32?</c>; null when unknown.</summary>
    public static Type? Resolve(string? alias)
    {
        if (string.IsNullOrWhiteSpace(alias))
        {
            return null;
        }

        alias = alias.Trim();
        if (alias.EndsWith("[]", StringComparison.Ordinal))
        {
            return Resolve(alias[..^2])?.MakeArrayType();
        }

        if (alias.EndsWith('?'))
        {
            var inner = Resolve(alias[..^1]);
            return inner is { IsValueType: true } ? typeof(Nullable<>).MakeGenericType(inner) : inner;
        }

        if (alias.StartsWith("List<", StringComparison.OrdinalIgnoreCase) && alias.EndsWith('>'))
        {
            var inner = Resolve(alias[5..^1]);
            return inner is null ? null : typeof(List<>).MakeGenericType(inner);
        }

        return ByAlias.GetValueOrDefault(alias);
    }

    /// <summary>The alias of a CLR type, e.g. <c>Int32</c>, <c>String[]</c>, <c>List&lt;String&gt;</c>.</summary>
    public static string GetAlias(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (ByType.TryGetValue(type, out var alias))
        {
            return alias;
        }

        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return GetAlias(inner) + "?";
        }

        if (type.IsArray)
        {
            return GetAlias(type.GetElementType()!) + "[]";
        }

        if (type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
        {
            return $"List<{GetAlias(type.GetGenericArguments()[0])}>";
        }

        return $"{type.FullName}, {type.Assembly.GetName().Name}";
    }

    /// <summary>Every alias with its type (for Studio's variable-type list).</summary>
    public static IEnumerable<KeyValuePair<string, Type>> All => ByAlias;

    private static Dictionary<Type, string> BuildReverse()
    {
        var map = new Dictionary<Type, string>();
        foreach (var (alias, type) in ByAlias)
        {
            map.TryAdd(type, alias);
        }

        return map;
    }
}
