using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LowCodeErp.Workflows.Core.Serialization;

/// <summary>Elsa's JSON conventions: camelCase, enums as strings, case-insensitive reads, nulls omitted.</summary>
public static class SerializerOptions
{
    /// <summary>Options for definition documents and plain input values.</summary>
    public static readonly JsonSerializerOptions Default = Create(indented: false);

    /// <summary>The same, indented (files).</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new ExpressionJsonConverter());
        options.Converters.Add(new ActivityJsonConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
